import type { LedgerSpec } from "../support/ledger-builder.js";

/**
 * A university's ledger as the clerk in issue #11 had it: a 巡视 (not 巡察) title naming the
 * body, `填报单位（盖章）：`, a two-row header (责任主体 over 责任领导 | 责任部门), the feedback's
 * categories as rows merged across, problems merged over their measures, a problem cell that is
 * a HYPERLINK formula (its cached result is what the clerk sees), one measure without a
 * department and one without a status.
 */
export const UNIVERSITY: LedgerSpec = {
  title: "XX大学党委落实省委巡视反馈意见整改任务清单",
  subtitle: "填报单位（盖章）：XX大学党委　　填报时间：2025年6月30日",
  twoRowHeader: true,
  captions: { lead: "责任领导", department: "责任部门", deadline: "完成时限" },
  sections: [
    {
      caption: "一、关于学习贯彻习近平新时代中国特色社会主义思想不够深入方面",
      problems: [
        {
          problem: "党委理论学习中心组学习制度执行不严格",
          lead: "王书记",
          measures: [
            {
              measures: "制定年度学习计划，全年开展专题研讨不少于6次",
              department: "党委办公室",
              deadline: "2025年12月底",
              status: "正在推进",
            },
            {
              measures: "将中心组学习情况纳入二级单位党组织书记述职考核，对2个学习不达标单位进行约谈",
              department: "党委组织部",
              deadline: { date: "2025-05-31" },
              status: "已完成",
              evidence: "约谈记录2份",
            },
          ],
        },
      ],
    },
    {
      caption: "二、关于落实全面从严治党“两个责任”不够到位方面",
      problems: [
        {
          problem: {
            raw: { formula: 'HYPERLINK("https://xx.edu.cn/zb/12","招投标管理不规范")', result: "招投标管理不规范" },
          },
          lead: "李副校长",
          measures: [
            {
              measures: "修订《招标采购管理办法》，对2024年以来的32个采购项目逐项复核",
              department: "国有资产管理处",
              deadline: { date: "2025-06-15" },
              status: "正在推进",
            },
          ],
        },
        {
          problem: "科研经费报销审核把关不严",
          lead: "李副校长",
          measures: [
            {
              measures: "上线科研经费报销系统，全部报销单据线上审核",
              department: "财务处",
              deadline: { date: "2025-07-05" },
              status: "推进中",
            },
            {
              measures: "对2023年以来科研经费支出开展专项审计",
              department: "",
              deadline: "2025年9月30日",
              status: "",
            },
          ],
        },
      ],
    },
    {
      caption: "三、关于领导班子和干部队伍建设有差距方面",
      problems: [
        {
          problem: "二级学院党政联席会议制度执行不规范",
          lead: "张副书记",
          measures: [
            {
              measures: "召开专题会议研究部署，印发《二级学院党政联席会议议事规则》",
              department: "党委组织部",
              deadline: "2025年3月底",
              status: "已完成",
            },
          ],
        },
      ],
    },
  ],
  footer: ["填报人：赵某　　审核人：钱某　　联系电话：0000-12345678", "说明：本清单共4项问题、6条整改措施。"],
};
