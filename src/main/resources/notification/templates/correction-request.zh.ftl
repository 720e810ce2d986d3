【补正通知】${subjectTitle}
${recipientName}，您好：

项目办请您补正“${subjectTitle}”。理由：
${note}

请于 ${deadline}（北京时间，还有 ${workingDaysLeft} 个工作日）前在门户中补正并重新提交；逾期未补正的，按有关规定处理。
<#if link??>${link}
</#if>
AI 项目办公室
