<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs var:Lang.mail.loan_escalation.subject ?> <?cs var:Mail.no ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs var:Lang.mail.loan_escalation.subject ?> <?cs var:Mail.no ?></h1>
<?cs if:Mail.secret ?><p style="color: #b42318;"><strong><?cs var:Lang.mail.loan_overdue.secret ?></strong></p><?cs /if ?>
<p><?cs var:Lang.mail.loan_escalation.body ?></p>
<table style="border-collapse: collapse;">
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.mail.loan.no ?></th><td><a href="<?cs var:Mail.base_url ?><?cs var:Mail.link ?>"><?cs var:Mail.no ?></a></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.mail.loan.title ?></th><td><?cs var:Mail.title ?></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.mail.loan.borrower ?></th><td><?cs var:Mail.borrower ?></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.mail.loan.out ?></th><td><?cs var:Mail.out ?></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.mail.loan.due ?></th><td><?cs var:Mail.due ?></td></tr>
</table>
</body></html>
