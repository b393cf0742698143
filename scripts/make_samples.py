"""Write the sample submissions in submissions/ from plan/2011.yaml.

The samples are what `lzplan check submissions/` runs on in the README, and they
should read like the files a county government and a municipal bureau really send
the 法制办: 文号 from each unit's Chinese abbreviation, numbered in date order within
each series (发, 办发, 函, and the plain series used for reports sent up); titles as
officials write them, about the unit's own projects and places; dates in an order
that makes sense (a plan before its 申报, completion before the report on it), each on
a working day of 2011 (调休 weekends worked, 清明 and 国庆 off); each issuer numbering
at the pace of its size (市公安局 issues several times what 市保密局 does).

The year they tell: most units done on time; 古蔺县 short one risk assessment and
its 行政复议规范化建设 unfinished; 纳溪区 finishing that late; 合江县 late with its
相对集中行政处罚权 方案 and 申报, and one risk assessment listed twice under one 文号;
市粮食局 without its training; 市环境保护局 without any risk assessment; 市旅游局
never filing; 叙永县 excused (核减) from the 第五批 clean-up; 市政府法制办 reporting
after new year with figures dated 2011-12-20, one audited department under 20%.

Deterministic: no randomness, no clock. Run `python scripts/make_samples.py` after
changing the plan or this file; tests/test_samples.py checks what it writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lzplan.plan import load as plans

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "submissions"
D = dt.date

# ------------------------------------------------------------------ who writes
# The root of each unit's 文号: districts number their government's documents
# (古府发, 古府办发, 古府函, and 古府 for reports sent up); municipal departments
# theirs (泸市公发, 泸市公函, 泸市公).
ROOT_NO = {
    "jiangyang": "江阳府", "naxi": "纳府", "longmatan": "龙府", "luxian": "泸县府",
    "hejiang": "合府", "xuyong": "叙府", "gulin": "古府",
    "gov-office": "泸市府办", "legal-affairs": "泸市法制", "supervision": "泸市监",
    "staffing-office": "泸市编办", "finance": "泸市财", "hrss": "泸市人社",
    "sanitation": "泸市环卫", "gov-services": "泸市政务", "development-reform": "泸市发改",
    "secrecy": "泸市保密", "justice": "泸市司", "press-office": "泸市府新",
    "radio-tv": "泸市广", "public-security": "泸市公", "land-resources": "泸市国土资",
    "environment": "泸市环", "housing-planning": "泸市住规建",
    "transport": "泸市交", "water": "泸市水", "agriculture": "泸市农", "forestry": "泸市林",
    "animal-husbandry": "泸市畜", "commerce": "泸市商", "culture": "泸市文",
    "health": "泸市卫", "family-planning": "泸市人口计生", "education": "泸市教",
    "civil-affairs": "泸市民", "industry-commerce": "泸市工商", "quality-supervision": "泸市质监",
    "food-drug": "泸市食药监", "work-safety": "泸市安监", "prices": "泸市价",
    "tourism": "泸市旅", "audit": "泸市审", "statistics": "泸市统", "economy-it": "泸市经信",
    "ethnic-religious": "泸市民宗", "civil-defense": "泸市人防", "grain": "泸市粮",
    "local-tax": "泸市地税", "sasac": "泸市国资", "science": "泸市科", "sports": "泸市体",
    "archives": "泸市档", "petitions": "泸市信访",
}  # fmt: skip
# The 市政府's own series (泸府发, 泸府 for what it sends up): a 方案 it issues or a
# 请示 it sends the province, filed as evidence by the office that drafted them.
GOVERNMENT = {"泸府发", "泸府"}
# How a department names itself in a title (《泸州市公安局……》); the plan's short
# names (市公安局) become 泸州市公安局 unless listed here.
FORMAL = {
    "gov-office": "泸州市人民政府办公室", "legal-affairs": "泸州市人民政府法制办公室",
    "press-office": "泸州市人民政府新闻办公室",
    "staffing-office": "中共泸州市委机构编制委员会办公室",
}  # fmt: skip
# The line of work a department trains and inspects (全市公安系统).
SYSTEM = {
    "finance": "财政", "hrss": "人力资源社会保障", "sanitation": "城乡环卫",
    "development-reform": "发展改革", "justice": "司法行政", "radio-tv": "广播电视",
    "public-security": "公安", "land-resources": "国土资源", "environment": "环境保护",
    "housing-planning": "住房城乡规划建设", "transport": "交通运输",
    "water": "水务", "agriculture": "农业", "forestry": "林业", "animal-husbandry": "畜牧",
    "commerce": "商务", "culture": "文化", "health": "卫生", "family-planning": "人口计生",
    "education": "教育", "civil-affairs": "民政", "industry-commerce": "工商",
    "quality-supervision": "质监", "food-drug": "食品药品监管", "work-safety": "安全生产监管",
    "prices": "价格", "tourism": "旅游", "audit": "审计", "statistics": "统计",
    "economy-it": "经济和信息化", "ethnic-religious": "民族宗教", "civil-defense": "人防",
    "grain": "粮食", "local-tax": "地方税务", "science": "科技", "sports": "体育",
    "archives": "档案", "sasac": "国有资产监管", "petitions": "信访",
}  # fmt: skip

# ------------------------------------------------------------------ what they did
# Each district's own projects, assessed for 社会稳定风险 (≥3 each) and followed up.
PROJECTS = {
    "jiangyang": ["江阳区城西片区棚户区改造", "江阳区黄舣镇工业园区征地拆迁",
                  "江阳区茜草农贸市场搬迁", "方山景区旅游开发征地"],
    "naxi": ["纳溪区永宁河沿岸综合整治", "纳溪区大渡口镇场镇改造",
             "纳溪区云溪温泉开发征地", "纳溪区特色茶园基地土地流转"],
    "longmatan": ["龙马潭区鱼塘片区旧城改造", "龙马潭区特兴镇征地拆迁安置",
                  "长江大道龙马潭段拓宽工程", "罗汉镇商贸物流园区征地"],
    "luxian": ["泸县玉蟾大道建设项目", "泸县福集镇旧城改造", "泸县城区自来水价格调整",
               "泸县龙桥文化生态园征地"],
    "hejiang": ["合江县长江二桥征地拆迁安置方案", "合江县城区农贸市场改造",
                "合江县佛宝景区开发征地", "合江县荔枝产业园土地流转"],
    "xuyong": ["叙永县东城片区旧城改造", "叙永县城区公交线路调整", "叙永县丹山景区开发征地",
               "叙永县赤水河流域小水电开发移民安置"],
    "gulin": ["古蔺县城区供水价格调整", "古蔺县二郎镇酒业园区征地拆迁",
              "古蔺县黄荆老林景区开发", "古蔺县城区污水处理厂建设"],
    "finance": ["市级行政事业单位公务用车制度改革方案"],
    "hrss": ["市属国有企业退休人员社会化管理方案"],
    "sanitation": ["中心城区生活垃圾处理费征收标准调整"],
    "development-reform": ["中心城区管道天然气价格调整"],
    "radio-tv": ["城区有线电视数字化整体转换及收费调整"],
    "public-security": ["中心城区道路交通组织调整方案"],
    "land-resources": ["中心城区集体土地征收补偿安置标准调整"],
    "housing-planning": ["中心城区经济适用住房和廉租住房分配方案"],
    "transport": ["中心城区出租汽车经营权有偿使用办法"],
    "water": ["中心城区自来水价格调整方案"],
    "forestry": ["集体林权制度配套改革方案"],
    "animal-husbandry": ["中心城区生猪定点屠宰场布局调整"],
    "commerce": ["中心城区农贸市场升级改造方案"],
    "health": ["市人民医院城北新院区建设"],
    "education": ["中心城区中小学布局调整方案"],
    "civil-affairs": ["城乡居民最低生活保障标准调整"],
    "work-safety": ["非煤矿山整顿关闭方案"],
    "prices": ["中心城区出租汽车运价调整方案"],
    "economy-it": ["泸州化工厂改制重组方案"],
}  # fmt: skip
# Normative documents each district evaluated after they had been in force.
DOCUMENTS = {
    "jiangyang": ["江阳区城市房屋拆迁补偿安置办法", "江阳区城区占道经营管理办法"],
    "naxi": ["纳溪区农村宅基地管理暂行办法", "纳溪区城区犬类管理规定"],
    "longmatan": ["龙马潭区集体土地征收补偿安置实施细则", "龙马潭区城区户外广告设置管理办法"],
    "luxian": ["泸县城乡居民最低生活保障实施办法", "泸县城区建筑垃圾管理办法"],
    "hejiang": ["合江县城区环境卫生管理办法", "合江县农村集中供水工程管理办法"],
    "xuyong": ["叙永县城区摊区设置管理办法", "叙永县农村建房管理暂行办法"],
    "gulin": ["古蔺县城区绿化管理办法", "古蔺县酒类生产企业环境保护管理办法"],
}  # fmt: skip
# Disputes a unit mediated itself (对…纠纷，要积极主动进行调解).
DISPUTES = {
    "jiangyang": "江阳区黄舣镇征地补偿群体性纠纷",
    "naxi": "纳溪区大渡口镇化工企业废气污染纠纷",
    "longmatan": "龙马潭区特兴镇采石场爆破损害纠纷",
    "luxian": "泸县福集镇煤矿采空区房屋受损纠纷",
    "hejiang": "合江县榕山镇砂石开采引发的群体性纠纷",
    "xuyong": "叙永县水尾镇小水电站移民补偿纠纷",
    "gulin": "古蔺县二郎镇酒厂废水污染纠纷",
    "environment": "泸州化工园区企业废气污染群体性纠纷",
    "land-resources": "中心城区集体土地征收补偿纠纷",
    "work-safety": "叙永县落卜镇煤矿透水事故善后赔偿纠纷",
    "housing-planning": "城北片区房屋拆迁安置纠纷",
    "health": "市人民医院医疗损害赔偿纠纷",
    "transport": "泸州港码头建设征地补偿纠纷",
    "public-security": "国道321线泸州段一起多人伤亡交通事故损害赔偿纠纷",
    "justice": "纳溪区护国镇农村土地承包经营权纠纷",
    "water": "泸县玉蟾水库灌区农业用水纠纷",
    "agriculture": "合江县白米镇荔枝园土地流转纠纷",
    "forestry": "叙永县与古蔺县交界山林权属争议",
    "hrss": "市属国有企业改制职工劳动争议",
    "industry-commerce": "中心城区商品房预售合同消费纠纷",
    "quality-supervision": "液化石油气钢瓶爆燃事故赔偿纠纷",
    "food-drug": "龙马潭区某校食堂食物中毒赔偿纠纷",
    "education": "江阳区某中学学生校内意外伤害赔偿纠纷",
    "civil-affairs": "江阳区邻玉镇公益性公墓建设纠纷",
    "commerce": "佳乐世纪城商铺租赁合同纠纷",
    "animal-husbandry": "泸县规模养猪场废水污染纠纷",
    "petitions": "城北片区拆迁安置户集体信访所涉纠纷",
}  # fmt: skip
# Departments that issue no normative documents of their own (nil returns for the
# 规范性文件 duties, which the plan makes conditional).
NO_DOCUMENTS = {"secrecy", "press-office", "gov-services", "statistics", "civil-defense", "grain"}
# Departments with decisions in execution that are not risk-assessed projects.
FOLLOWED_UP = {"gov-office", "legal-affairs", "supervision"}

# ------------------------------------------------------------------ the year's story
NO_FILE = {"tourism"}
MISSING = {  # reported nothing for these
    ("grain", "t2-1.enforcement-training"),
    ("environment", "t1-1.risk-assessment"),
    ("gulin", "t1-5.standardization-complete"),
    ("legal-affairs", "t1-5.acceptance-check"),  # due 2012年上半年: still pending
    ("xuyong", "t2-3b.fifth-batch"),  # 核减 in plan/waivers-2011.yaml
}
SHORT = {("gulin", "t1-1.risk-assessment"): 2}  # items filed, below the quota of 3
ON = {  # dates the story fixes; the first three are after their deadlines
    ("naxi", "t1-5.standardization-complete"): D(2011, 12, 9),
    ("hejiang", "t2-3a.concentrated-penalty-plan"): D(2011, 7, 18),
    ("hejiang", "t2-3a.concentrated-penalty-application"): D(2011, 7, 26),
    # the city's 方案 comes first; the districts write theirs after it
    ("legal-affairs", "t2-3a.concentrated-penalty-plan"): D(2011, 5, 16),
}
REPORTED = {"legal-affairs": D(2012, 1, 5)}
FIGURES_DATE = D(2011, 12, 20)  # when the 法制办's 评查 figures were true

# ------------------------------------------------------------------ titles
# Per requirement: the document kinds and titles a district (区县) or a department
# (部门) would file, one picked per unit. The series is the 文号 series — 发, 办发,
# 函, 报 (sent up, numbered without 发) — or None for a record without a 文号.
# {p}: the unit's own name as it writes it (古蔺县, 泸州市公安局); {s}: its line of
# work; {x}: the project, document or dispute the item is about.
Variant = tuple[tuple[str | None, str], ...]
TITLES: dict[str, dict[str, list[Variant]]] = {
    "t1-1.decision-procedure": {
        "district": [(("发", "关于印发《{p}人民政府重大行政决策程序规定》的通知"),),
                     (("办发", "关于严格执行重大行政决策程序规定的通知"),)],
        "department": [(("发", "关于印发《{p}重大行政决策议事规则》的通知"),),
                       (("发", "关于严格执行{s}重大行政决策程序的通知"),),
                       ((None, "{p}重大事项集体决策制度"),)],
    },
    "t1-1.risk-rules": {
        "district": [(("发", "关于印发《{p}重大事项社会稳定风险评估实施细则（试行）》的通知"),)],
        "department": [(("发", "关于印发《泸州市重大事项社会稳定风险评估实施细则》的通知"),)],
    },
    "t1-1.decision-follow-up": {
        "district": [((None, "{x}执行情况跟踪调查报告"),)],
        "department": [((None, "{x}执行情况跟踪调查报告"),)],
    },
    "t1-2.creation": {
        "district": [(("发", "关于印发《{p}创建法治政府实施方案》的通知"),),
                     (("办发", "关于印发《{p}2011年推进法治政府建设工作要点》的通知"),)],
    },
    "t1-2.district-evaluation": {
        "department": [(("发", "关于2011年度各区县人民政府依法行政评估情况的通报"),)],
    },
    "t1-2.township-guidance": {
        "district": [(("办发", "关于推进乡镇服务型政府建设的指导意见"),),
                     ((None, "{p}乡镇服务型政府建设现场推进会"),)],
    },
    "t1-3.responsibility-plan": {
        "department": [(("发", "关于印发《{p}深化行政执法责任制实施方案》的通知"),),
                       (("发", "关于深化{s}行政执法责任制的实施意见"),)],
    },
    "t1-3.inspection": {
        "department": [(("发", "关于全市深化行政执法责任制检查评估情况的通报"),)],
    },
    "t1-4.three-cleanups": {
        "department": [(("发", "关于公布{p}行政执法依据、执法职能和执法责任清理结果的通知"),),
                       (("报", "关于报送{s}行政执法依据、执法职能和执法责任清理结果的报告"),),
                       ((None, "{p}“三项清理”结果汇总表"),)],
    },
    "t1-4.transparency-pilot": {
        "department": [(("发", "关于开展行政权力公开透明运行试点工作的通知"),)],
    },
    "t1-4.power-catalogue": {
        "department": [(("发", "关于公布泸州市市级行政权力目录的通知"),)],
    },
    "t1-4.flowcharts": {
        "department": [(("发", "关于印发市级行政权力运行流程图的通知"),)],
    },
    "t1-4.operating-system": {
        "department": [((None, "市级行政权力网上公开透明运行系统上线运行"),)],
    },
    "t1-5.support": {
        "department": [(("发", "关于调整市政府法制办行政复议机构编制的批复"),)],
    },
    "t1-5.district-agenda": {
        "district": [((None, "{p}人民政府常务会议纪要（研究行政复议规范化建设）"),),
                     (("办发", "关于将行政复议规范化建设纳入重要议事日程的通知"),)],
    },
    "t1-5.study-plan": {
        "district": [((None, "{p}人民政府法制办公室贯彻《四川省行政复议规范化建设实施方案》的落实措施"),)],
        "department": [(("发", "关于贯彻落实《四川省行政复议规范化建设实施方案》的实施意见"),)],
    },
    "t1-5.standardization-complete": {
        "district": [(("报", "关于行政复议规范化建设基本完成情况的报告"),),
                     (("报", "关于{p}行政复议规范化建设工作情况的报告"),)],
        "department": [(("报", "关于市本级行政复议规范化建设基本完成情况的报告"),)],
    },
    "t1-5.district-report": {
        "district": [(("报", "关于行政复议规范化建设落实情况的专题报告"),),
                     (("报", "关于贯彻落实行政复议规范化建设要求的报告"),)],
    },
    "t2-1.study-plan": {
        "district": [(("办发", "关于印发《{p}2011年度领导干部学法计划》的通知"),),
                     (("发", "关于印发《{p}人民政府2011年学法计划》的通知"),)],
        "department": [(("发", "关于印发《泸州市人民政府2011年度常务会议会前学法计划》的通知"),)],
    },
    "t2-1.pre-appointment-exam": {
        "district": [((None, "{p}2011年新提任领导干部任前法律知识考试"),)],
        "department": [(("发", "关于组织2011年市管领导干部任前法律知识考试的通知"),)],
    },
    "t2-1.civil-servant-training": {
        "district": [(("办发", "关于印发《{p}2011年公务员培训计划》的通知"),),
                     ((None, "{p}2011年公务员依法行政专题培训班"),)],
        "department": [(("发", "关于印发《2011年全市公务员培训计划》的通知"),)],
    },
    "t2-1.enforcement-training": {
        "department": [(("发", "关于举办全市{s}系统行政执法人员法律知识培训班的通知"),),
                       ((None, "{p}2011年行政执法人员法律知识培训班"),)],
    },
    "t2-2.cleanup": {
        "district": [(("发", "关于公布{p}规范性文件清理结果的决定"),)],
        "department": [(("发", "关于公布{p}现行有效规范性文件目录的通知"),),
                       (("发", "关于废止和修改{s}部分规范性文件的决定"),),
                       ((None, "{p}规范性文件清理结果（报市政府法制办备案）"),)],
    },
    "t2-2.drafting-procedure": {
        "district": [(("办发", "关于进一步规范规范性文件制定程序的通知"),),
                     (("发", "关于印发《{p}人民政府规范性文件制定程序规定》的通知"),)],
        "department": [((None, "{p}规范性文件合法性审查登记"),),
                       (("发", "关于加强{s}规范性文件合法性审查工作的通知"),),
                       (("发", "关于印发《{p}规范性文件制定程序规定》的通知"),)],
    },
    "t2-2.filing-review": {
        "district": [(("报", "关于报送2011年度规范性文件备案情况的报告"),),
                     (("报", "关于报送规范性文件备案的报告"),)],
        "department": [(("发", "关于2011年度规范性文件备案审查情况的通报"),)],
    },
    "t2-2.evaluation-system": {
        "district": [(("办发", "关于印发《{p}规范性文件评估办法》的通知"),)],
        "department": [(("发", "关于印发《{p}规范性文件评估办法（试行）》的通知"),),
                       (("发", "关于建立{s}规范性文件实施后评估制度的通知"),),
                       ((None, "{p}规范性文件评估制度（局务会审议通过）"),)],
    },
    "t2-2.evaluations": {
        "district": [((None, "《{x}》实施后评估报告"),)],
    },
    "t2-3a.integrated-enforcement": {
        "district": [(("发", "关于印发《{p}城市管理综合执法工作方案》的通知"),),
                     (("办发", "关于建立城市管理联合执法工作机制的通知"),)],
        "department": [(("发", "关于建立{s}与城市管理部门联合执法协作机制的通知"),),
                       ((None, "{p}参与中心城区联合执法情况"),)],
    },
    "t2-3a.concentrated-penalty-plan": {
        "district": [(("发", "关于印发《{p}城市管理领域相对集中行政处罚权实施方案》的通知"),)],
        "department": [(("发", "关于印发《泸州市城市管理领域相对集中行政处罚权工作实施方案》的通知"),)],
    },
    "t2-3a.support": {
        "department": [(("函", "关于城市管理相对集中行政处罚权工作{s}保障的意见"),)],
    },
    "t2-3a.concentrated-penalty-application": {
        "district": [(("报", "关于申请开展城市管理领域相对集中行政处罚权工作的请示"),),
                     (("报", "关于{p}开展相对集中行政处罚权工作的请示"),)],
        "department": [(("报", "关于提请市政府向省政府申报开展相对集中行政处罚权工作的请示"),)],
    },
    "t2-3b.approval-follow-up": {
        "district": [(("办发", "关于加强行政审批事项后续监管的通知"),),
                     (("发", "关于公布{p}保留行政审批项目目录的通知"),)],
        "department": [(("发", "关于对已取消和调整行政审批项目后续监管情况开展监察的通知"),)],
    },
    "t2-3b.fifth-batch": {
        "district": [(("发", "关于取消和调整一批行政审批项目的决定"),),
                     (("发", "关于做好国务院第五批取消和下放行政审批项目衔接工作的通知"),)],
        "department": [(("发", "关于做好国务院第五批取消和下放管理层级行政审批项目衔接落实工作的通知"),)],
    },
    "t2-3b.parallel-approval": {
        "department": [(("发", "关于印发《泸州市重大项目并联审批实施办法》的通知"),),
                       (("发", "关于在市政务服务中心扩大并联审批范围的通知"),)],
    },
    "t2-3b.service-center-standards": {
        "district": [((None, "{p}政务服务中心标准化建设通过市级验收"),),
                     (("办发", "关于印发《{p}政务服务中心标准化建设实施方案》的通知"),)],
        "department": [(("发", "关于全面推进区县政务服务中心标准化建设的通知"),)],
    },
    "t2-3c.proactive-disclosure": {
        "district": [(("办发", "关于进一步加大政府信息主动公开力度的通知"),),
                     (("办发", "关于印发《{p}2011年政府信息公开工作要点》的通知"),)],
        "department": [(("发", "关于做好2011年政府信息主动公开工作的通知"),),
                       ((None, "2011年市级财政预算在市政府门户网站公开"),)],
    },
    "t2-3c.disclosure-on-request": {
        "district": [(("办发", "关于印发《{p}依申请公开政府信息工作规程》的通知"),)],
        "department": [(("发", "关于印发《{p}依申请公开政府信息办理规程》的通知"),),
                       (("发", "关于印发《政府信息公开保密审查办法》的通知"),)],
    },
    "t2-3c.service-disclosure": {
        "department": [(("发", "关于全面推行{s}办事公开的通知"),),
                       ((None, "{p}办事指南在市政务服务中心和门户网站公开"),),
                       (("发", "关于印发《{p}办事公开目录》的通知"),)],
    },
    "t2-3c.public-institutions": {
        "district": [(("办发", "关于规范和监督公共企事业单位办事公开工作的通知"),),
                     (("办发", "关于推进{p}供水供电供气等公用事业单位办事公开的通知"),)],
        "department": [(("发", "关于规范和监督公共企事业单位办事公开工作的通知"),)],
    },
    "t2-4.informatization": {
        "department": [((None, "{p}行政执法网上运行系统建成运行"),),
                       (("发", "关于推行{s}行政执法流程网上管理的通知"),)],
    },
    "t2-4.procedures": {
        "department": [(("发", "关于印发《{p}行政执法流程》的通知"),),
                       (("发", "关于细化{s}行政执法环节和步骤的通知"),)],
    },
    "t2-4.investigation-rules": {
        "department": [(("发", "关于印发《{p}行政执法调查规则》的通知"),),
                       (("发", "关于规范{s}行政执法调查取证工作的通知"),)],
    },
    "t2-4.discretion-standards": {
        "department": [(("发", "关于印发《{p}行政处罚自由裁量权基准》的通知"),),
                       (("发", "关于严格执行{s}行政处罚裁量基准的通知"),)],
    },
    "t2-4.personnel": {
        "department": [((None, "{p}2011年度行政执法证件年审"),),
                       (("函", "关于申请办理{s}行政执法证件的函"),),
                       ((None, "{p}执法人员持证上岗情况登记"),)],
    },
    "t2-4.enforcement-supervision": {
        "district": [(("办发", "关于贯彻执行《四川省行政执法监督条例》的通知"),),
                     ((None, "{p}《四川省行政执法监督条例》执行情况专项检查"),)],
        "department": [(("发", "关于开展2011年度行政执法监督检查的通知"),)],
    },
    "t2-4.district-case-review": {
        "district": [(("办发", "关于2011年度行政执法案卷评查情况的通报"),),
                     ((None, "{p}2011年度行政执法案卷集中评查"),)],
    },
    "t2-4.case-file-departments": {
        "department": [(("发", "关于2011年度市级行政执法案卷评查情况的通报"),)],
    },
    "t2-4.case-file-share": {
        "department": [(("发", "关于2011年度市级行政执法案卷评查情况的通报"),)],
    },
    "t2-4.report-to-congress": {
        "district": [(("报", "关于2011年推进依法行政工作情况的报告"),),
                     (("报", "关于2011年度依法行政工作的报告"),)],
    },
    "t2-4.report-to-government": {
        "district": [(("报", "关于2011年度依法行政工作情况的报告"),),
                     (("报", "关于{p}2011年推进依法行政工作的报告"),)],
        "department": [(("报", "关于2011年度依法行政工作情况的报告"),),
                       (("报", "关于{p}2011年推进依法行政工作情况的报告"),),
                       (("报", "关于报送2011年{s}依法行政工作总结的报告"),)],
    },
    "t2-5.mediation-system": {
        "district": [(("办发", "关于建立健全行政调解工作机制的意见"),),
                     (("发", "关于印发《{p}行政调解工作暂行办法》的通知"),)],
        "department": [(("发", "关于印发《{p}行政调解工作规则》的通知"),),
                       (("发", "关于成立{p}行政调解工作领导小组的通知"),)],
    },
    "t2-5.proactive-mediation": {
        "district": [((None, "{x}调解协议"),)],
        "department": [((None, "{x}调解协议"),)],
    },
    "t2-5.people-mediation": {
        "district": [(("办发", "关于贯彻实施《中华人民共和国人民调解法》的意见"),),
                     ((None, "{p}《人民调解法》宣传月活动"),)],
        "department": [(("发", "关于全市贯彻实施《中华人民共和国人民调解法》的实施意见"),)],
    },
    "t2-5.grand-mediation": {
        "department": [(("发", "关于健全人民调解、行政调解、司法调解联动工作机制的意见"),)],
    },
    "t2-6.publicity": {
        "district": [(("办发", "关于印发《{p}2011年法制宣传教育工作要点》的通知"),)],
        "department": [((None, "2011年依法行政宣传月活动"),)],
    },
    "t2-6.assessment-plan": {
        "district": [(("办发", "关于印发《{p}2011年度依法行政考核办法》的通知"),)],
        "department": [(("发", "关于印发《{p}2011年依法行政工作考核实施细则》的通知"),),
                       (("发", "关于做好{s}2011年度依法行政考核工作的通知"),),
                       (("发", "关于印发《{p}2011年依法行政工作要点》的通知"),)],
    },
    "t2-6.staff-assessment": {
        "department": [(("发", "关于将依法行政情况纳入干部职工年度考核的通知"),),
                       ((None, "{p}2011年度工作人员考核办法（含依法行政内容）"),),
                       (("发", "关于印发《{p}2011年度机关工作人员目标考核办法》的通知"),)],
    },
}  # fmt: skip
# A unit whose item on a duty is its own, not its kind's.
OWN_TITLES: dict[tuple[str, str], Variant] = {
    ("finance", "t1-5.support"): (("发", "关于安排2011年市本级行政复议工作经费的通知"),),
    ("justice", "t2-6.publicity"): (("发", "关于印发《泸州市2011年普法依法治理工作要点》的通知"),),
    ("justice", "t2-5.grand-mediation"): (("发", "关于建立“三调联动”工作机制的实施意见"),),
    ("press-office", "t2-6.publicity"): ((None, "“法治泸州”专题新闻发布会"),),
    ("radio-tv", "t2-6.publicity"): ((None, "泸州电视台《法治时空》栏目2011年播出情况"),),
    ("health", "t2-3c.public-institutions"): (("发", "关于推进全市医疗卫生机构院务公开的通知"),),
    ("education", "t2-3c.public-institutions"): (("发", "关于全面推行中小学校务公开的通知"),),
    ("housing-planning", "t2-3c.public-institutions"): (("发", "关于推进供水供气公用事业单位办事公开的通知"),),
    ("gov-office", "t1-1.decision-follow-up"): (("发", "关于市政府重大决策部署落实情况督查的通报"),),
    ("legal-affairs", "t1-1.decision-follow-up"): ((None, "《泸州市城市管理领域相对集中行政处罚权工作实施方案》执行情况跟踪调查"),),
    ("supervision", "t1-1.decision-follow-up"): (("发", "关于对市政府重大决策部署落实情况开展效能监察的通知"),),
    ("hrss", "t2-1.pre-appointment-exam"): (("发", "关于组织2011年市管领导干部任前法律知识考试的通知"),),
    ("staffing-office", "t2-3a.support"): (("函", "关于城市管理行政执法机构设置的意见"),),
    ("gov-office", "t2-3c.public-institutions"): (("发", "关于规范和监督公共企事业单位办事公开工作的通知"),),
    ("legal-affairs", "t1-4.three-cleanups"): (("发", "关于公布市级行政执法依据、执法职能和执法责任清理结果的通知"),),
    ("legal-affairs", "t2-2.cleanup"): (("发", "关于开展全市规范性文件清理工作的通知"),),
    ("legal-affairs", "t2-6.assessment-plan"): (("发", "关于开展2011年度依法行政考核工作的通知"),),
    # the 法制办 leads 行政调解: it organises the 主动调解, it mediates no civil dispute
    ("legal-affairs", "t2-5.proactive-mediation"): (("发", "关于进一步做好重大民事纠纷主动调解工作的通知"),),
    # the city's 方案 is the 市政府's, and the 申报 its 请示 to the province: the 法制办
    # drafted both (代拟), so they are its evidence
    ("legal-affairs", "t2-3a.concentrated-penalty-plan"): (("泸府发", "泸州市人民政府关于印发《泸州市城市管理领域相对集中行政处罚权工作实施方案》的通知"),),
    ("legal-affairs", "t2-3a.concentrated-penalty-application"): (("泸府", "泸州市人民政府关于开展城市管理领域相对集中行政处罚权工作的请示"),),
    # the pilot is the 监察局's; the 法制办 reviews the pilot units' 职权目录
    ("legal-affairs", "t1-4.transparency-pilot"): (("函", "关于行政权力公开透明运行试点单位职权目录合法性审核意见的函"),),
}  # fmt: skip
NIL = {  # what a unit says when a conditional duty did not arise
    "t1-1.risk-assessment": ["本年度未作出关系群众切身利益和社会普遍关注的重大决策事项",
                                         "2011年本单位无需开展社会稳定风险评估的重大事项"],
    "t1-1.decision-follow-up": ["本年度无正在执行的重大行政决策"],
    "t2-2.cleanup": ["本单位无自行制定的现行规范性文件"],
    "t2-2.drafting-procedure": ["2011年本单位未制定规范性文件"],
    "t2-2.evaluation-system": ["本单位无起草中或实施中的规范性文件"],
    "t2-5.proactive-mediation": ["本年度未发生资源开发、环境污染、公共安全事故等重大民事纠纷",
                                 "2011年未发生需由本单位主动调解的重大民事纠纷"],
}  # fmt: skip

# ------------------------------------------------------------------ when
# Offices work on working days: 国务院办公厅关于2011年部分节假日安排的通知 (and that of
# 2012, for files sent in January): the days off, and the weekend days worked (调休).
DAYS_OFF = [
    (D(2011, 1, 1), D(2011, 1, 3)), (D(2011, 2, 2), D(2011, 2, 8)),  # 元旦, 春节
    (D(2011, 4, 3), D(2011, 4, 5)), (D(2011, 4, 30), D(2011, 5, 2)),  # 清明, 劳动节
    (D(2011, 6, 4), D(2011, 6, 6)), (D(2011, 9, 10), D(2011, 9, 12)),  # 端午, 中秋
    (D(2011, 10, 1), D(2011, 10, 7)),  # 国庆
    (D(2012, 1, 1), D(2012, 1, 3)), (D(2012, 1, 22), D(2012, 1, 28)),  # 元旦, 春节
]  # fmt: skip
WEEKENDS_WORKED = {D(2011, 1, 30), D(2011, 2, 12), D(2011, 4, 2), D(2011, 10, 8),
                   D(2011, 10, 9), D(2011, 12, 31), D(2012, 1, 21), D(2012, 1, 29)}  # fmt: skip


def working(date: dt.date) -> bool:
    if date in WEEKENDS_WORKED:
        return True
    return date.weekday() < 5 and not any(a <= date <= b for a, b in DAYS_OFF)


def on_a_working_day(date: dt.date, start: dt.date) -> dt.date:
    """The working day nearest before ``date`` (not before ``start``: a step never moves
    before the one it follows), else the next one after it."""
    back = date
    while back >= start:
        if working(back):
            return back
        back -= dt.timedelta(days=1)
    while not working(date):
        date += dt.timedelta(days=1)
    return date


# The window each duty's item falls in, by what it is: plans and rules in spring,
# reports at year end; milestones within their deadline.
WHEN: dict[str, tuple[dt.date, dt.date]] = {
    "t1-1.decision-procedure": (D(2011, 3, 15), D(2011, 5, 31)),
    "t1-1.risk-rules": (D(2011, 3, 20), D(2011, 5, 20)),
    "t1-1.risk-assessment": (D(2011, 4, 1), D(2011, 11, 30)),
    "t1-1.decision-follow-up": (D(2011, 11, 1), D(2011, 12, 15)),
    "t1-2.creation": (D(2011, 3, 10), D(2011, 4, 30)),
    "t1-2.district-evaluation": (D(2011, 12, 16), D(2011, 12, 22)),
    "t1-2.township-guidance": (D(2011, 5, 1), D(2011, 9, 30)),
    "t1-3.responsibility-plan": (D(2011, 3, 20), D(2011, 6, 30)),
    "t1-3.inspection": (D(2011, 11, 10), D(2011, 11, 30)),
    "t1-4.three-cleanups": (D(2011, 4, 1), D(2011, 8, 31)),
    "t1-4.transparency-pilot": (D(2011, 4, 1), D(2011, 5, 31)),
    "t1-4.power-catalogue": (D(2011, 9, 1), D(2011, 9, 30)),
    "t1-4.flowcharts": (D(2011, 10, 1), D(2011, 10, 31)),
    "t1-4.operating-system": (D(2011, 11, 15), D(2011, 12, 10)),
    "t1-5.support": (D(2011, 3, 15), D(2011, 4, 30)),
    "t1-5.district-agenda": (D(2011, 3, 10), D(2011, 4, 15)),
    "t1-5.study-plan": (D(2011, 3, 15), D(2011, 4, 30)),
    "t1-5.standardization-complete": (D(2011, 10, 20), D(2011, 11, 28)),
    "t1-5.district-report": (D(2011, 12, 1), D(2011, 12, 20)),
    "t2-1.study-plan": (D(2011, 3, 1), D(2011, 3, 31)),
    "t2-1.pre-appointment-exam": (D(2011, 4, 1), D(2011, 11, 30)),
    "t2-1.civil-servant-training": (D(2011, 3, 1), D(2011, 3, 31)),
    "t2-1.enforcement-training": (D(2011, 4, 1), D(2011, 11, 30)),
    "t2-2.cleanup": (D(2011, 5, 1), D(2011, 9, 30)),
    "t2-2.drafting-procedure": (D(2011, 3, 15), D(2011, 6, 30)),
    "t2-2.filing-review": (D(2011, 12, 1), D(2011, 12, 20)),
    "t2-2.evaluation-system": (D(2011, 4, 1), D(2011, 6, 30)),
    "t2-2.evaluations": (D(2011, 6, 1), D(2011, 11, 30)),
    "t2-3a.integrated-enforcement": (D(2011, 4, 1), D(2011, 9, 30)),
    "t2-3a.concentrated-penalty-plan": (D(2011, 5, 25), D(2011, 6, 15)),
    "t2-3a.support": (D(2011, 5, 1), D(2011, 5, 15)),
    "t2-3a.concentrated-penalty-application": (D(2011, 6, 18), D(2011, 6, 29)),
    "t2-3b.approval-follow-up": (D(2011, 4, 1), D(2011, 8, 31)),
    "t2-3b.fifth-batch": (D(2011, 5, 1), D(2011, 9, 30)),
    "t2-3b.parallel-approval": (D(2011, 4, 1), D(2011, 7, 31)),
    "t2-3b.service-center-standards": (D(2011, 6, 1), D(2011, 11, 30)),
    "t2-3c.proactive-disclosure": (D(2011, 3, 15), D(2011, 5, 31)),
    "t2-3c.disclosure-on-request": (D(2011, 4, 1), D(2011, 6, 30)),
    "t2-3c.service-disclosure": (D(2011, 4, 1), D(2011, 9, 30)),
    "t2-3c.public-institutions": (D(2011, 5, 1), D(2011, 9, 30)),
    "t2-4.informatization": (D(2011, 6, 1), D(2011, 11, 30)),
    "t2-4.procedures": (D(2011, 4, 1), D(2011, 8, 31)),
    "t2-4.investigation-rules": (D(2011, 4, 1), D(2011, 9, 30)),
    "t2-4.discretion-standards": (D(2011, 3, 15), D(2011, 8, 31)),
    "t2-4.personnel": (D(2011, 3, 1), D(2011, 4, 30)),
    "t2-4.enforcement-supervision": (D(2011, 4, 1), D(2011, 6, 30)),
    "t2-4.district-case-review": (D(2011, 10, 15), D(2011, 11, 30)),
    "t2-4.report-to-congress": (D(2011, 11, 20), D(2011, 12, 10)),
    "t2-4.report-to-government": (D(2011, 12, 10), D(2011, 12, 22)),
    "t2-5.mediation-system": (D(2011, 4, 1), D(2011, 7, 31)),
    "t2-5.proactive-mediation": (D(2011, 5, 1), D(2011, 11, 30)),
    "t2-5.people-mediation": (D(2011, 3, 1), D(2011, 5, 31)),
    "t2-5.grand-mediation": (D(2011, 5, 1), D(2011, 7, 31)),
    "t2-6.publicity": (D(2011, 3, 1), D(2011, 5, 31)),
    "t2-6.assessment-plan": (D(2011, 3, 1), D(2011, 4, 30)),
    "t2-6.staff-assessment": (D(2011, 10, 15), D(2011, 12, 15)),
}
# Duties that come after another of the same unit's: (before, after, days at least).
AFTER = [
    ("t2-3a.concentrated-penalty-plan", "t2-3a.concentrated-penalty-application", 5),
    ("t1-5.standardization-complete", "t1-5.district-report", 5),
    ("t2-4.report-to-congress", "t2-4.report-to-government", 3),
]


def pick(key: str, choices: int) -> int:
    """A stable choice from the names alone, so the samples never change by accident."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % choices


def day(key: str, start: dt.date, end: dt.date) -> dt.date:
    return on_a_working_day(start + dt.timedelta(days=pick(key, (end - start).days + 1)), start)


@dataclass
class Unit:
    id: str
    name: str
    kind: str
    items: list[dict[str, Any]] = field(default_factory=list)
    series: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    items_made: list[dict[str, Any]] = field(default_factory=list)  # to cite one twice

    @property
    def place(self) -> str:
        if self.kind == "district":
            return self.name.removesuffix("人民政府")
        return FORMAL.get(self.id, "泸州" + self.name)

    def prefix(self, series: str) -> str:
        if series in GOVERNMENT:
            return series  # the 市政府's own, cited by the office that drafted it
        root = ROOT_NO[self.id]
        if series == "报":
            return root
        if series == "办发" and self.kind == "district":
            return root + "办发"
        if series == "函":
            return root + "函"
        return root + "发"

    def item(self, series: str | None, title: str, date: dt.date, **more: Any) -> dict[str, Any]:
        made: dict[str, Any] = {"title": title, "date": date, **more}
        if series is not None:
            made["doc_no"] = None  # numbered once the whole year is known
            self.series[self.prefix(series)].append(made)
        return made


def titles(unit: Unit, req: str) -> Variant:
    if (unit.id, req) in OWN_TITLES:
        return OWN_TITLES[(unit.id, req)]
    variants = TITLES[req][unit.kind]
    return variants[pick(f"{unit.id}/{req}/variant", len(variants))]


def fill(template: str, unit: Unit, subject: str = "") -> str:
    return template.format(p=unit.place, s=SYSTEM.get(unit.id, ""), x=subject)


def when(unit: Unit, req: str, done: dict[str, dt.date], n: int = 0) -> dt.date:
    start, end = WHEN[req]
    for before, after, gap in AFTER:
        if after == req and before in done:
            start = max(start, done[before] + dt.timedelta(days=gap))
            end = max(end, start)
    return ON.get((unit.id, req)) or day(f"{unit.id}/{req}/{n}", start, end)


def counted(unit: Unit, req: str, need: int) -> list[dict[str, Any]]:
    """Risk assessments and evaluations: one report per project or document."""
    subjects = (DOCUMENTS if req == "t2-2.evaluations" else PROJECTS)[unit.id]
    dates = sorted(when(unit, req, {}, n) for n in range(need))
    made = []
    for subject, date in zip(subjects, dates, strict=False):
        if req == "t2-2.evaluations":
            made.append(unit.item(None, f"《{subject}》实施后评估报告", date))
        elif pick(f"{unit.id}/{subject}", 2):
            made.append(unit.item("函", f"关于{subject}社会稳定风险评估报告的批复", date))
        else:
            made.append(unit.item(None, f"{subject}社会稳定风险评估报告", date))
    return made


def activity(unit: Unit, req: str, done: dict[str, dt.date]) -> list[dict[str, Any]]:
    subject = ""
    if req == "t1-1.decision-follow-up" and unit.id in PROJECTS:
        subject = PROJECTS[unit.id][0]
    if req == "t2-5.proactive-mediation":
        subject = DISPUTES.get(unit.id, "")
    date = when(unit, req, done)
    done[req] = date
    made = titles(unit, req)
    return [unit.item(series, fill(title, unit, subject), date) for series, title in made]


def nil_return(unit: Unit, req: str) -> str | None:
    """Why a conditional duty did not arise for this unit, or None when it did."""
    arose = {
        "t1-1.risk-assessment": unit.id in PROJECTS,
        "t1-1.decision-follow-up": unit.id in PROJECTS or unit.id in FOLLOWED_UP,
        "t2-5.proactive-mediation": unit.id in DISPUTES or (unit.id, req) in OWN_TITLES,
    }.get(req, unit.id not in NO_DOCUMENTS)
    if arose or req not in NIL:
        return None
    return NIL[req][pick(f"{unit.id}/{req}/nil", len(NIL[req]))]


AUDITED = [
    "public-security", "land-resources", "environment", "housing-planning", "science",
    "transport", "water", "agriculture", "forestry", "animal-husbandry", "culture", "health",
    "industry-commerce", "quality-supervision", "food-drug", "local-tax",
]  # fmt: skip
UNDER = "animal-husbandry"  # audited at 15%: the 20% overall must not hide it


def case_files() -> dict[str, Any]:
    """The 法制办's 评查 of 16 enforcement departments, department by department."""
    parts = {}
    for unit in AUDITED:
        held = round((40 + pick(f"{unit}/held", 80)) * SIZE.get(unit, 1.0))  # by its size
        share = 15 if unit == UNDER else 21 + pick(f"{unit}/share", 9)
        parts[unit] = {"numerator": -(-held * share // 100), "denominator": held}
    return parts


def figures(unit: Unit, req: str) -> dict[str, Any]:
    """Both 评查 figures rest on one 通报: the second cites the first's 文号."""
    series, title = titles(unit, req)[0]
    first = next((i for i in unit.items_made if i["title"] == title), None)
    if first is None:
        evidence = [unit.item(series, title, FIGURES_DATE)]
        unit.items_made.append(evidence[0])
    else:
        evidence = [{"title": title, "date": FIGURES_DATE, "doc_no": None, "same_as": first}]
    parts = case_files()
    if req == "t2-4.case-file-departments":
        return {"covered": list(parts), "date": FIGURES_DATE, "evidence": evidence}
    return {
        "numerator": sum(p["numerator"] for p in parts.values()),
        "denominator": sum(p["denominator"] for p in parts.values()),
        "date": FIGURES_DATE,
        "parts": parts,
        "evidence": evidence,
        "note": "分母为16个受评查部门2011年1月至11月办结的行政处罚案卷总数",
    }


def entry(unit: Unit, owed: Any, index: plans.PlanIndex, done: dict[str, dt.date]) -> Any:
    req = owed.requirement
    if (unit.id, req.id) in MISSING:
        return None
    if req.condition is not None and (reason := nil_return(unit, req.id)) is not None:
        return {"nil_return": reason}
    if req.kind in ("distinct_units", "ratio"):
        return figures(unit, req.id)
    if req.kind == "count":
        need = SHORT.get((unit.id, req.id), owed.threshold or 1)
        return {"evidence": counted(unit, req.id, need)}
    items = activity(unit, req.id, done)
    if req.kind == "milestone":
        return {"completed": done[req.id], "evidence": items}
    return {"evidence": items}


# ------------------------------------------------------------------ odd cases
def hejiang_listed_twice(unit: Unit, made: dict[str, Any]) -> None:
    """The 批复 and the report it approved, filed as two items under one 文号: counted once."""
    items = made["t1-1.risk-assessment"]["evidence"]
    first = next(item for item in items if "doc_no" in item)
    subject = first["title"].removeprefix("关于").removesuffix("社会稳定风险评估报告的批复")
    twin = {"title": f"{subject}社会稳定风险评估报告", "date": first["date"], "doc_no": None}
    items.insert(items.index(first) + 1, twin)
    twin["same_as"] = first


ODD = {"hejiang": hejiang_listed_twice}


# How many documents a series carries a day, roughly: a county government issues
# some 150 发 a year; the numbers in the samples follow that pace, by the unit's size.
PACE = {"办发": 0.55, "发": 0.4, "函": 0.3}


# How much a unit issues against an ordinary bureau or county government: the
# 公安局 and the big enforcement bureaus several times what a small office does.
SIZE = {
    "gov-office": 2.0, "public-security": 2.2, "land-resources": 1.8,
    "housing-planning": 1.8, "transport": 1.6, "education": 1.6, "finance": 1.6,
    "development-reform": 1.6, "health": 1.5, "hrss": 1.5, "industry-commerce": 1.4,
    "local-tax": 1.4, "agriculture": 1.3, "environment": 1.3,
    "secrecy": 0.2, "archives": 0.25, "press-office": 0.3, "civil-defense": 0.3,
    "grain": 0.35, "ethnic-religious": 0.35, "staffing-office": 0.4, "sports": 0.4,
    "gov-services": 0.5, "science": 0.5, "petitions": 0.5, "sasac": 0.5,
    "prices": 0.6, "statistics": 0.6, "radio-tv": 0.6, "sanitation": 0.7,
}  # fmt: skip


def pace(prefix: str, unit: str) -> float:
    per_day = next((per_day for tail, per_day in PACE.items() if prefix.endswith(tail)), 0.25)
    return per_day * SIZE.get(unit, 1.0)


def number(units: list[Unit]) -> None:
    """文号 in date order within each issuer's series, at the pace of its other documents."""
    for unit in units:
        for prefix, items in sorted(unit.series.items()):
            n = 0
            for item in sorted(items, key=lambda i: (i["date"], i["title"])):
                day_of_year = item["date"].timetuple().tm_yday
                guess = round(day_of_year * pace(prefix, unit.id))
                guess += pick(f"{prefix}/{item['title']}", 4)
                n = max(n + 1, guess)
                item["doc_no"] = f"{prefix}〔{item['date'].year}〕{n}号"
        for item in unit.items:
            if "same_as" in item:
                item["doc_no"] = item.pop("same_as")["doc_no"]


def submission(unit: Unit, index: plans.PlanIndex) -> dict[str, Any]:
    made: dict[str, Any] = {}
    done: dict[str, dt.date] = {}
    for owed in index.owed_by(unit.id):
        one = entry(unit, owed, index, done)
        if one is not None:
            made[owed.requirement.id] = one
    if unit.id in ODD:
        ODD[unit.id](unit, made)
    for one in made.values():
        unit.items.extend(one.get("evidence", []))
    latest = max(item["date"] for item in unit.items)
    sent = latest + dt.timedelta(days=3 + pick(unit.id, 5))
    reported = REPORTED.get(unit.id) or on_a_working_day(sent, sent)
    return {"unit": unit.id, "plan": index.plan.plan.id, "reported": reported, "requirements": made}


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # lzplan refuses anchors and aliases; write every value out


def main() -> int:
    loaded = plans.load(ROOT / "plan" / "2011.yaml")
    # a vertically managed bureau writes as any municipal bureau does
    units = [Unit(u.id, u.name, "district" if u.kind == "district" else "department")
             for u in loaded.index.unit_order() if u.id not in NO_FILE]  # fmt: skip
    made = [(unit, submission(unit, loaded.index)) for unit in units]
    number(units)
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.yaml"):
        old.unlink()
    for unit, body in made:
        header = (
            "# yaml-language-server: $schema=../schemas/submission.schema.json\n"
            f"# {unit.name}：{loaded.plan.plan.title}落实情况\n"
        )
        text = yaml.dump(body, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)
        (OUT / f"{unit.id}.yaml").write_text(header + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
