【专家邀请】${programme}：${subjectTitle}
${recipientName}，您好：

您已被随机抽取为“${subjectTitle}”（${programme}）的评审专家。

请于 ${deadline}（北京时间，还有 ${workingDaysLeft} 个工作日）前在 Tasklist 中接受或谢绝邀请，并如实声明利益冲突：
${link}

本邮件附有截止时间的日历条目（.ics）。如有疑问，请联系秘书处。

AI 项目办公室
