<?cs var:Lang.mail.visit_escalation.subject ?> <?cs var:Mail.dept ?> · <?cs var:Mail.count ?> <?cs var:Lang.mail.visit_escalation.cards ?>

<?cs var:Lang.mail.visit_escalation.body ?>

<?cs each:c = Mail.cards ?>- <?cs var:c.client ?><?cs if:c.vip ?> (<?cs var:Lang.mail.visit_escalation.vip ?>)<?cs /if ?> · <?cs var:Lang.client.owner ?>: <?cs var:c.owner ?> · <?cs var:Lang.client.next_visit ?>: <?cs var:c.due ?> · <?cs var:Lang.client.last_visit ?>: <?cs alt:c.last ?>—<?cs /alt ?>
  <?cs var:Mail.base_url ?><?cs var:c.link ?>
<?cs /each ?><?cs if:Mail.more > 0 ?>
<?cs var:Mail.more ?> <?cs var:Lang.mail.visit_escalation.more ?>
<?cs /if ?>
<?cs var:Lang.mail.visit_escalation.list ?>: <?cs var:Mail.base_url ?><?cs var:Mail.list ?>
