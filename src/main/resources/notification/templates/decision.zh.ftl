【结果通知】${subjectTitle}：${outcomeZh}
${recipientName}，您好：

“${subjectTitle}”的结果：${outcomeZh}。
<#if note?has_content>说明：
${note}
</#if>
<#if link??>详情：${link}
</#if>
AI 项目办公室
