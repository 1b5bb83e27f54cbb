import EmailForwardParser from 'email-forward-parser';
const p = new EmailForwardParser();
const t1 = "@team, can you have a look at this email below?\n\nFrom: Some One [mailto:some@one.com]\nTo: Ba Bar <ba@bar.com>\nDate: Mon, 1 Dec 2016 00:13:37 +0100\nSubject: Discoursing much?\n\nHello Ba Bar,\n\nDiscoursing much today?\n\nXoXo\n";
for (const s of ['Tr: Discoursing much?', 'Fwd: Discoursing much?', 'TR: Discoursing much?', 'FW: Discoursing much?'])
  for (const t of [t1, t1.replace('Some One [mailto:some@one.com]', 'Some One <some@one.com>')])
    console.log(s, JSON.stringify(p.read(t, s)).slice(0, 200));
