package org.aipo.expert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The priority fields named in the provinces' measures (reference data, docs/domain.md), by code with their
 * Chinese and English names.
 */
public final class Fields {

  private static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("intelligent-manufacturing", "智能制造 Intelligent manufacturing");
    FIELDS.put("biomedicine", "生物医药 Biomedicine");
    FIELDS.put("integrated-circuits", "集成电路 Integrated circuits");
    FIELDS.put("autonomous-driving", "自动驾驶 Autonomous driving");
    FIELDS.put("robotics", "机器人 Robotics");
    FIELDS.put("digital-government", "数字政府 Digital government");
    FIELDS.put("healthcare", "医疗健康 Healthcare");
    FIELDS.put("education", "教育 Education");
    FIELDS.put("finance", "金融 Finance");
    FIELDS.put("scientific-research", "科学研究 Scientific research");
    FIELDS.put("smart-transport", "智慧交通 Smart transport");
    FIELDS.put("elderly-care", "养老与家政服务 Elderly care and home services");
    FIELDS.put("life-sciences", "生命科学 Life sciences (AI for Science)");
    FIELDS.put("engineering-computation", "工程计算 Engineering computation (AI for Science)");
    FIELDS.put("meteorology", "气象 Meteorology (AI for Science)");
  }

  private Fields() {
  }

  public static boolean isKnown(String code) {
    return code != null && FIELDS.containsKey(code);
  }

  public static Set<String> codes() {
    return FIELDS.keySet();
  }

  public static String name(String code) {
    return FIELDS.get(code);
  }
}
