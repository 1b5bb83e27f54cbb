import EmailForwardParser from 'email-forward-parser';
const p = new EmailForwardParser();
for (const body of [
 'Hi\n\n---------- Forwarded message ---------\nFrom: someone@example.com\nDate: Mon, 1 Dec 2016\nSubject: Application\nTo: jobs@x.com\n\nMy CV attached.\n',
 'Begin forwarded message:\n\n> From: Ada Lovelace <ada@example.com>\n> Subject: Application\n> Date: 1 Dec 2016\n> To: rec@x.com\n> \n> My CV attached.\n',
 '---------- Forwarded message ---------\nFrom: Ada <ada@example.com [ada@example.com]>\nDate: Mon, 1 Dec 2016\nSubject: Application\nTo: jobs@x.com\n\nMy CV attached.\n',
 '---------- Forwarded message ---------\nFrom: Ada <notanaddress>\nDate: Mon, 1 Dec 2016\nSubject: Application\nTo: jobs@x.com\n\nMy CV attached.\n',
]) console.log(JSON.stringify(p.read(body, 'Fwd: Application')));
