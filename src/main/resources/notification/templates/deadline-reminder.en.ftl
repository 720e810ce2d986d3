[Reminder] "${taskName}" is due ${deadline}
Dear ${recipientName},

"${taskName}" for "${subjectTitle}" is due by ${deadline} Beijing time, ${workingDaysLeft} working days from today.
<#if link??>Work on it here: ${link}
</#if>
AI Programme Office
