<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs var:Lang.archive.period_mail.subject ?> <?cs var:Mail.start ?> <?cs var:Lang.archive.period_kind[Mail.kind] ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs var:Lang.archive.period_mail.subject ?> <?cs var:Mail.start ?> <?cs var:Lang.archive.period_kind[Mail.kind] ?> · <?cs var:Mail.dept ?></h1>
<p><?cs var:Lang.archive.period_mail.body ?></p>
<h2 style="font-size: 15px;"><?cs var:Lang.archive.period_mail.waiting ?> (<?cs var:Mail.waiting_count ?>)</h2>
<?cs if:subcount(Mail.waiting) ?><ul><?cs each:i = Mail.waiting ?><li><a href="<?cs var:Mail.base_url ?><?cs var:i.link ?>"><?cs var:i.no ?></a> <?cs var:i.title ?> (<?cs var:i.client ?>)</li><?cs /each ?></ul>
<?cs if:Mail.waiting_more ?><p><?cs var:Lang.archive.period_mail.more ?> <?cs var:Mail.waiting_count ?></p><?cs /if ?><?cs else ?><p><?cs var:Lang.archive.period_mail.none ?></p><?cs /if ?>
<h2 style="font-size: 15px;"><?cs var:Lang.archive.period_mail.missing ?> <?cs var:Mail.filing_year ?> (<?cs var:Mail.missing_count ?>)</h2>
<?cs if:subcount(Mail.missing) ?><ul><?cs each:c = Mail.missing ?><li><a href="<?cs var:Mail.base_url ?><?cs var:c.link ?>"><?cs var:c.name ?></a></li><?cs /each ?></ul>
<?cs if:Mail.missing_more ?><p><?cs var:Lang.archive.period_mail.more ?> <?cs var:Mail.missing_count ?></p><?cs /if ?><?cs else ?><p><?cs var:Lang.archive.period_mail.none ?></p><?cs /if ?>
</body></html>
