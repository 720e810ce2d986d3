【逾期】“${taskName}”已超过截止时间
${recipientName}，您好：

“${subjectTitle}”的“${taskName}”已于 ${deadline}（北京时间）截止，尚未完成（负责人：${responsible}）。请跟进处理。
<#if link??>${link}
</#if>
AI 项目办公室
