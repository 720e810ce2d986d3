[Expert invitation] ${programme}: ${subjectTitle}
Dear ${recipientName},

You have been drawn at random as a reviewing expert for "${subjectTitle}" (${programme}).

Please accept or decline in Tasklist, and declare any conflict of interest, by ${deadline} Beijing time (${workingDaysLeft} working days from today):
${link}

The deadline is attached as a calendar entry (.ics). The secretariat answers any question.

AI Programme Office
