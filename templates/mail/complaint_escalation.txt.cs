<?cs var:Lang.mail.complaint_escalation.subject ?> <?cs var:Mail.client ?>

<?cs if:Mail.urgent ?><?cs var:Lang.complaint.urgent_one ?>
<?cs /if ?><?cs var:Lang.mail.complaint_escalation.body ?>

<?cs var:Lang.client.f.name ?>: <?cs var:Mail.client ?>
<?cs var:Lang.complaint.due_on ?>: <?cs var:Mail.due ?>
<?cs var:Lang.complaint.f.assignee ?>: <?cs var:Mail.handler ?>
<?cs var:Lang.complaint.f.content ?>: <?cs var:Mail.content ?>

<?cs var:Mail.base_url ?><?cs var:Mail.link ?>
