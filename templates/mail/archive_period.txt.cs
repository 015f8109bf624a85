<?cs var:Lang.archive.period_mail.subject ?> <?cs var:Mail.start ?> <?cs var:Lang.archive.period_kind[Mail.kind] ?> · <?cs var:Mail.dept ?>

<?cs var:Lang.archive.period_mail.body ?>

<?cs var:Lang.archive.period_mail.waiting ?> (<?cs var:Mail.waiting_count ?>):
<?cs each:i = Mail.waiting ?>- <?cs var:i.no ?> <?cs var:i.title ?> (<?cs var:i.client ?>) <?cs var:Mail.base_url ?><?cs var:i.link ?>
<?cs /each ?><?cs if:Mail.waiting_more ?><?cs var:Lang.archive.period_mail.more ?> <?cs var:Mail.waiting_count ?>
<?cs /if ?><?cs if:!subcount(Mail.waiting) ?><?cs var:Lang.archive.period_mail.none ?>
<?cs /if ?>
<?cs var:Lang.archive.period_mail.missing ?> <?cs var:Mail.filing_year ?> (<?cs var:Mail.missing_count ?>):
<?cs each:c = Mail.missing ?>- <?cs var:c.name ?> <?cs var:Mail.base_url ?><?cs var:c.link ?>
<?cs /each ?><?cs if:Mail.missing_more ?><?cs var:Lang.archive.period_mail.more ?> <?cs var:Mail.missing_count ?>
<?cs /if ?><?cs if:!subcount(Mail.missing) ?><?cs var:Lang.archive.period_mail.none ?>
<?cs /if ?>
