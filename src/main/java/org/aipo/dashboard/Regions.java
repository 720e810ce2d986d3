package org.aipo.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The city (or province) of an organisation, told from its unified social credit code: characters 3–8 are the
 * administrative division code (GB/T 2260) of the authority that registered it. Organisations record no address, so
 * this is what "by city" means on the dashboard (docs/adr/0019): the municipalities (Beijing, Tianjin, Shanghai,
 * Chongqing) and the cities of the table below by name, any other place by its province, and {@link #UNKNOWN} when
 * there is no code or its division is not one of the table's.
 */
public final class Regions {

  /** The key of the unknown city (and of records that belong to no field). */
  public static final String UNKNOWN = "unknown";

  /** A city's or province's key (its division code prefix) and names. */
  public record Region(String key, String zh, String en) {
  }

  private static final Map<String, Region> REGIONS = new LinkedHashMap<>();

  private static void add(String key, String zh, String en) {
    REGIONS.put(key, new Region(key, zh, en));
  }

  static {
    add("11", "北京市", "Beijing");
    add("12", "天津市", "Tianjin");
    add("13", "河北省", "Hebei");
    add("14", "山西省", "Shanxi");
    add("15", "内蒙古自治区", "Inner Mongolia");
    add("21", "辽宁省", "Liaoning");
    add("22", "吉林省", "Jilin");
    add("23", "黑龙江省", "Heilongjiang");
    add("31", "上海市", "Shanghai");
    add("32", "江苏省", "Jiangsu");
    add("33", "浙江省", "Zhejiang");
    add("34", "安徽省", "Anhui");
    add("35", "福建省", "Fujian");
    add("36", "江西省", "Jiangxi");
    add("37", "山东省", "Shandong");
    add("41", "河南省", "Henan");
    add("42", "湖北省", "Hubei");
    add("43", "湖南省", "Hunan");
    add("44", "广东省", "Guangdong");
    add("45", "广西壮族自治区", "Guangxi");
    add("46", "海南省", "Hainan");
    add("50", "重庆市", "Chongqing");
    add("51", "四川省", "Sichuan");
    add("52", "贵州省", "Guizhou");
    add("53", "云南省", "Yunnan");
    add("54", "西藏自治区", "Tibet");
    add("61", "陕西省", "Shaanxi");
    add("62", "甘肃省", "Gansu");
    add("63", "青海省", "Qinghai");
    add("64", "宁夏回族自治区", "Ningxia");
    add("65", "新疆维吾尔自治区", "Xinjiang");
    add("1301", "石家庄市", "Shijiazhuang");
    add("1401", "太原市", "Taiyuan");
    add("1501", "呼和浩特市", "Hohhot");
    add("2101", "沈阳市", "Shenyang");
    add("2102", "大连市", "Dalian");
    add("2201", "长春市", "Changchun");
    add("2301", "哈尔滨市", "Harbin");
    add("3201", "南京市", "Nanjing");
    add("3202", "无锡市", "Wuxi");
    add("3205", "苏州市", "Suzhou");
    add("3301", "杭州市", "Hangzhou");
    add("3302", "宁波市", "Ningbo");
    add("3401", "合肥市", "Hefei");
    add("3501", "福州市", "Fuzhou");
    add("3502", "厦门市", "Xiamen");
    add("3601", "南昌市", "Nanchang");
    add("3701", "济南市", "Jinan");
    add("3702", "青岛市", "Qingdao");
    add("4101", "郑州市", "Zhengzhou");
    add("4201", "武汉市", "Wuhan");
    add("4301", "长沙市", "Changsha");
    add("4401", "广州市", "Guangzhou");
    add("4403", "深圳市", "Shenzhen");
    add("4406", "佛山市", "Foshan");
    add("4419", "东莞市", "Dongguan");
    add("4501", "南宁市", "Nanning");
    add("4601", "海口市", "Haikou");
    add("5101", "成都市", "Chengdu");
    add("5201", "贵阳市", "Guiyang");
    add("5301", "昆明市", "Kunming");
    add("5401", "拉萨市", "Lhasa");
    add("6101", "西安市", "Xi'an");
    add("6201", "兰州市", "Lanzhou");
    add("6301", "西宁市", "Xining");
    add("6401", "银川市", "Yinchuan");
    add("6501", "乌鲁木齐市", "Urumqi");
  }

  private static final java.util.Set<String> MUNICIPALITIES = java.util.Set.of("11", "12", "31", "50");

  private Regions() {
  }

  /** The key of the city (or province) that registered the organisation with this credit code; {@link #UNKNOWN} if none. */
  public static String ofCreditCode(String creditCode) {
    if (creditCode == null || creditCode.length() != 18) {
      return UNKNOWN;
    }
    String division = creditCode.substring(2, 8);
    if (!division.chars().allMatch(Character::isDigit)) {
      return UNKNOWN;
    }
    String province = division.substring(0, 2);
    if (!REGIONS.containsKey(province)) {
      return UNKNOWN;
    }
    if (MUNICIPALITIES.contains(province)) {
      return province;
    }
    String city = division.substring(0, 4);
    return REGIONS.containsKey(city) ? city : province;
  }

  /** The names of a key; the unknown (or a key not in the table) as 未知 / unknown. */
  public static Region region(String key) {
    Region known = REGIONS.get(key);
    return known != null ? known : new Region(UNKNOWN, "未知", "unknown");
  }
}
