[Correction requested] ${subjectTitle}
Dear ${recipientName},

The programme office asks you to correct "${subjectTitle}". Reasons:
${note}

Please correct and resubmit it in the portal by ${deadline} Beijing time (${workingDaysLeft} working days from today); after that the application is handled as the rules say.
<#if link??>${link}
</#if>
AI Programme Office
