[To do] Load the holiday schedule of ${year}
Dear ${recipientName},

The working-day calendar has no public holidays and make-up working days for ${year}: without them, deadlines in ${year} skip weekends only.
The State Council usually publishes the schedule in November of the year before. Please work on this task in Tasklist:
${link}

AI Programme Office
