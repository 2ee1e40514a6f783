#!/usr/bin/env node
/* A local mail catcher for development: SMTP on argv[2] (default 1025), a web page listing the mail on argv[3] (default 1080). */
import http from 'node:http';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const smtpPort = Number(process.argv[2] ?? 1025);
const httpPort = Number(process.argv[3] ?? 1080);
const messages = [];
const escape = (value) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c]);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.unshift({ date: new Date(), html: mail.html || '', subject: mail.subject, text: mail.text, to: mail.to?.text });
        messages.length = Math.min(messages.length, 200);
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, '127.0.0.1');

http
  .createServer((request, response) => {
    if (request.url === '/messages.json') {
      response.setHeader('content-type', 'application/json');
      return response.end(JSON.stringify(messages));
    }
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Helhet – e-post (utvikling)</title>
      <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}</style></head>
      <body><main><h1>E-post sendt fra Helhet (utvikling)</h1>${messages.length === 0 ? '<p>Ingen e-post ennå.</p>' : ''}
      ${messages.map((m) => `<article><h2>${escape(m.subject)}</h2><p>Til: ${escape(m.to)} · ${m.date.toLocaleString('nb-NO')}</p>${m.html || `<pre>${escape(m.text)}</pre>`}</article>`).join('')}
      </main></body></html>`);
  })
  .listen(httpPort, '127.0.0.1');

console.log(`[dev-mail] SMTP on 127.0.0.1:${smtpPort}, inbox at http://localhost:${httpPort}/`);
