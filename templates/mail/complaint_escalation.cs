<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs var:Lang.mail.complaint_escalation.subject ?> <?cs var:Mail.client ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs var:Lang.mail.complaint_escalation.subject ?> <?cs var:Mail.client ?></h1>
<?cs if:Mail.urgent ?><p style="color: #b42318;"><strong><?cs var:Lang.complaint.urgent_one ?></strong></p><?cs /if ?>
<p><?cs var:Lang.mail.complaint_escalation.body ?></p>
<table style="border-collapse: collapse;">
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.client.f.name ?></th><td><a href="<?cs var:Mail.base_url ?><?cs var:Mail.link ?>"><?cs var:Mail.client ?></a></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.complaint.due_on ?></th><td><?cs var:Mail.due ?></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.complaint.f.assignee ?></th><td><?cs var:Mail.handler ?></td></tr>
<tr><th style="text-align: left; padding-right: 12px;"><?cs var:Lang.complaint.f.content ?></th><td><?cs var:Mail.content ?></td></tr>
</table>
</body></html>
