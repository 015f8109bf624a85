<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs var:Lang.mail.visit_escalation.subject ?> <?cs var:Mail.dept ?> · <?cs var:Mail.count ?> <?cs var:Lang.mail.visit_escalation.cards ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs var:Lang.mail.visit_escalation.subject ?> <?cs var:Mail.dept ?> · <?cs var:Mail.count ?> <?cs var:Lang.mail.visit_escalation.cards ?></h1>
<p><?cs var:Lang.mail.visit_escalation.body ?></p>
<table style="border-collapse: collapse;">
<thead><tr><th style="text-align: left; padding: 2px 12px 2px 0;"><?cs var:Lang.client.f.name ?></th><th style="text-align: left; padding: 2px 12px 2px 0;"><?cs var:Lang.client.owner ?></th><th style="text-align: left; padding: 2px 12px 2px 0;"><?cs var:Lang.client.next_visit ?></th><th style="text-align: left; padding: 2px 12px 2px 0;"><?cs var:Lang.client.last_visit ?></th></tr></thead>
<tbody><?cs each:c = Mail.cards ?><tr><td style="padding: 2px 12px 2px 0;"><a href="<?cs var:Mail.base_url ?><?cs var:c.link ?>"><?cs var:c.client ?></a><?cs if:c.vip ?> <strong style="color: #b42318;"><?cs var:Lang.mail.visit_escalation.vip ?></strong><?cs /if ?></td><td style="padding: 2px 12px 2px 0;"><?cs var:c.owner ?></td><td style="padding: 2px 12px 2px 0;"><?cs var:c.due ?></td><td style="padding: 2px 12px 2px 0;"><?cs alt:c.last ?>—<?cs /alt ?></td></tr>
<?cs /each ?></tbody>
</table>
<?cs if:Mail.more > 0 ?><p><?cs var:Mail.more ?> <?cs var:Lang.mail.visit_escalation.more ?></p><?cs /if ?>
<p><a href="<?cs var:Mail.base_url ?><?cs var:Mail.list ?>"><?cs var:Lang.mail.visit_escalation.list ?></a></p>
</body></html>
