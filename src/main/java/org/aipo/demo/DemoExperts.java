package org.aipo.demo;

import org.aipo.expert.Expert;
import org.aipo.expert.ExpertPool;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The demo users expert1..expert5 as members of the expert pool (intelligent manufacturing,
 * robotics and digital government — the default field of scenario-list reviews), so that a review can be tried in Tasklist on a demo server. Seeded together with the demo
 * users, once.
 */
@ApplicationScoped
public class DemoExperts {

  record Demo(String userId, String name, String organisation) {
  }

  static final List<Demo> EXPERTS = List.of(
      new Demo("expert1", "张 Zhang", "复旦大学 Fudan University"),
      new Demo("expert2", "刘 Liu", "上海交通大学 Shanghai Jiao Tong University"),
      new Demo("expert3", "孙 Sun", "浙江大学 Zhejiang University"),
      new Demo("expert4", "钱 Qian", "中国科学院自动化研究所 Institute of Automation, CAS"),
      new Demo("expert5", "郑 Zheng", "华中科技大学 Huazhong University of Science and Technology"));

  @Inject
  ExpertPool pool;

  @Transactional
  public void seed() {
    for (Demo demo : EXPERTS) {
      if (pool.byUser(demo.userId()).isEmpty()) {
        pool.add(new Expert(demo.userId(), demo.name(), demo.organisation(), Set.of("intelligent-manufacturing", "robotics", "digital-government")), "system");
      }
    }
  }
}
