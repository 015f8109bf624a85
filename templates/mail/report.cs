<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs if:Mail.kind == "weekly" ?><?cs var:Lang.report.mail.subject_weekly ?><?cs else ?><?cs var:Lang.report.mail.subject_monthly ?><?cs /if ?> <?cs var:Mail.period ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs if:Mail.kind == "weekly" ?><?cs var:Lang.report.mail.subject_weekly ?><?cs else ?><?cs var:Lang.report.mail.subject_monthly ?><?cs /if ?> <?cs var:Mail.period ?> · <?cs var:Mail.dept ?></h1>
<p><?cs var:Lang.report.mail.hello ?> <?cs var:Mail.name ?>,</p>
<p><?cs var:Lang.report.mail.intro ?><br><?cs var:Lang.report.mail.period ?>: <?cs var:Mail.from ?> – <?cs var:Mail.to ?>, <?cs var:Mail.dept ?></p>
<?cs each:rep = Mail.reports ?>
<h2 style="font-size: 16px; margin-top: 24px;"><?cs var:rep.title ?></h2>
<p><a href="<?cs var:rep.link ?>"><?cs var:Lang.report.mail.open ?></a></p>
<?cs each:s = rep.sections ?>
<h3 style="font-size: 14px;"><?cs var:s.title ?></h3>
<p style="color: #666; font-size: 12px;"><?cs var:Lang.report.as_of ?> <?cs var:s.as_of ?></p>
<?cs if:s.more ?><p class="rows-limit" style="color: #8a5a00; font-size: 12px;"><?cs var:s.more ?></p><?cs /if ?>
<?cs if:subcount(s.rows) > 0 ?>
<table class="report" data-key="<?cs var:s.key ?>" style="border-collapse: collapse; font-size: 13px;">
<thead><tr><?cs each:c = s.cols ?><th style="border: 1px solid #ccc; padding: 3px 6px; text-align: <?cs if:c.num ?>right<?cs else ?>left<?cs /if ?>;"><?cs var:c.label ?></th><?cs /each ?></tr></thead>
<tbody><?cs each:row = s.rows ?>
<tr><?cs each:v = row ?><td style="border: 1px solid #ccc; padding: 3px 6px;<?cs if:s.cols[name(v)].num ?> text-align: right;<?cs /if ?>"><?cs var:v ?></td><?cs /each ?></tr><?cs /each ?>
</tbody><?cs if:s.totals.0 ?>
<tfoot><tr><?cs each:v = s.totals ?><th style="border: 1px solid #ccc; padding: 3px 6px;<?cs if:s.cols[name(v)].num ?> text-align: right;<?cs /if ?>"><?cs var:v ?></th><?cs /each ?></tr></tfoot><?cs /if ?>
</table>
<?cs else ?><p><?cs var:Lang.report.none ?></p><?cs /if ?>
<?cs /each ?>
<?cs /each ?>
<p><?cs var:Lang.report.mail.attached ?></p>
<p style="color: #666; font-size: 12px;"><?cs var:Lang.report.mail.footer ?>
<a href="<?cs var:Mail.base_url ?>/me/notifications"><?cs var:Mail.base_url ?>/me/notifications</a></p>
</body></html>
