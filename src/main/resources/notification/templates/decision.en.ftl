[Decision] ${subjectTitle}: ${outcomeEn}
Dear ${recipientName},

The decision on "${subjectTitle}": ${outcomeEn}.
<#if note?has_content>Reasons:
${note}
</#if>
<#if link??>Details: ${link}
</#if>
AI Programme Office
