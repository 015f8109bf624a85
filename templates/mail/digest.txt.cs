<?cs var:Lang.mail.digest.subject ?> <?cs var:Mail.day ?>

<?cs var:Lang.mail.digest.hello ?> <?cs var:Mail.name ?>,

<?cs each:s = Mail.sections ?>== <?cs var:s.title ?> ==
<?cs each:row = s.rows ?>- <?cs var:row.text ?><?cs if:row.link ?>
  <?cs var:row.link ?><?cs /if ?>
<?cs /each ?><?cs if:s.more ?>  (+<?cs var:s.more ?> <?cs var:Lang.mail.digest.more ?>)
<?cs /if ?>
<?cs /each ?>--
<?cs var:Lang.mail.digest.footer ?>
<?cs var:Mail.base_url ?>/me/notifications
