<?cs if:Mail.kind == "weekly" ?><?cs var:Lang.report.mail.subject_weekly ?><?cs else ?><?cs var:Lang.report.mail.subject_monthly ?><?cs /if ?> <?cs var:Mail.period ?> · <?cs var:Mail.dept ?>

<?cs var:Lang.report.mail.hello ?> <?cs var:Mail.name ?>,

<?cs var:Lang.report.mail.intro ?>
<?cs var:Lang.report.mail.period ?>: <?cs var:Mail.from ?> – <?cs var:Mail.to ?>, <?cs var:Mail.dept ?>

<?cs each:rep = Mail.reports ?>== <?cs var:rep.title ?> ==
<?cs var:rep.link ?>
<?cs each:s = rep.sections ?>
-- <?cs var:s.title ?> (<?cs var:Lang.report.as_of ?> <?cs var:s.as_of ?>)
<?cs if:s.more ?><?cs var:s.more ?>
<?cs /if ?><?cs each:c = s.cols ?><?cs if:name(c) != "0" ?> | <?cs /if ?><?cs var:c.label ?><?cs /each ?>
<?cs each:row = s.rows ?><?cs each:v = row ?><?cs if:name(v) != "0" ?> | <?cs /if ?><?cs var:v ?><?cs /each ?>
<?cs /each ?><?cs if:s.totals.0 ?><?cs each:v = s.totals ?><?cs if:name(v) != "0" ?> | <?cs /if ?><?cs var:v ?><?cs /each ?>
<?cs /if ?><?cs if:subcount(s.rows) == 0 ?><?cs var:Lang.report.none ?>
<?cs /if ?><?cs /each ?>
<?cs /each ?><?cs var:Lang.report.mail.attached ?>

--
<?cs var:Lang.report.mail.footer ?>
<?cs var:Mail.base_url ?>/me/notifications
