[Overdue] "${taskName}" has passed its deadline
Dear ${recipientName},

"${taskName}" for "${subjectTitle}" was due by ${deadline} Beijing time and is not done (responsible: ${responsible}). Please follow it up.
<#if link??>${link}
</#if>
AI Programme Office
