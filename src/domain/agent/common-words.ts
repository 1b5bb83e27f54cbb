// Words so common in any email (and in scheduling emails above all) that a short run made only
// of them reveals nothing: "Thanks!", "Yes, go ahead", "Available from March." A note's short line
// counts as quoted only when it has a word outside this list (quoted-text.ts). The most common
// English function words, then the words of arranging a meeting.

const WORDS = `
a about above after again against all also am an and any are as at away back be because been before being
below between both but by can could did do does doing done down during each either else even ever every
few for from further get gets getting give given go goes going gone good got great had has have having he
her here hers herself him himself his how i if in into is it its itself just keep know last let like
made make many may me might more most much must my myself need never new next no nor not now of off
ok okay on once one only or other our ours ourselves out over own per please quite rather really
right round same see shall she should so some soon still such sure than that the their theirs them
themselves then there these they thing things this those though through thus to today tomorrow too
two under until up upon us very was way we well were what when where whether which while who whom
whose why will with within without would yes yet you your yours yourself yourselves
hi hello hey dear thanks thank thankyou cheers regards best kind kindly warm wishes sincerely
glad happy pleased sorry apologies afraid hope hoping welcome great lovely perfect fine sounds
look looking forward ahead meet meeting speak speaking talk talking chat call calls hear hearing
available availability free busy suit suits suitable works work working convenient confirm confirmed
confirming booked book booking schedule scheduled scheduling reschedule rescheduled arrange arranged
time times slot slots option options date dates day days week weeks weekend morning afternoon evening
noon hour hours minute minutes early earlier later late soon pick choose chosen choice prefer preferred
reply replied answer let know send sent invite invitation link join interview interviews round rounds
step steps stage stages next first second third final process team panel candidate role position
application apply applied onwards onward starting start started from until between
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
`;

/** The common words, as wordsOf folds them (lower case). */
export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
