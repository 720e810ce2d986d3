【提醒】“${taskName}”将于 ${deadline} 截止
${recipientName}，您好：

“${subjectTitle}”的“${taskName}”将于 ${deadline}（北京时间）截止，还有 ${workingDaysLeft} 个工作日。
<#if link??>请在此处理：${link}
</#if>
AI 项目办公室
