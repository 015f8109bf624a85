<?cs var:Lang.mail.visit_escalation.subject ?> <?cs var:Mail.client ?>

<?cs if:Mail.vip ?><?cs var:Lang.mail.visit_escalation.vip ?>
<?cs /if ?><?cs var:Lang.mail.visit_escalation.body ?>

<?cs var:Lang.client.f.name ?>: <?cs var:Mail.client ?>
<?cs var:Lang.client.owner ?>: <?cs var:Mail.owner ?>
<?cs var:Lang.client.next_visit ?>: <?cs var:Mail.due ?>
<?cs var:Lang.client.last_visit ?>: <?cs alt:Mail.last ?>—<?cs /alt ?>

<?cs var:Mail.base_url ?><?cs var:Mail.link ?>
