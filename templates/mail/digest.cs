<!DOCTYPE html>
<html><head><meta charset="utf-8"><title><?cs var:Lang.mail.digest.subject ?> <?cs var:Mail.day ?></title></head>
<body style="font-family: sans-serif; color: #222;">
<h1 style="font-size: 18px;"><?cs var:Lang.mail.digest.subject ?> <?cs var:Mail.day ?></h1>
<p><?cs var:Lang.mail.digest.hello ?> <?cs var:Mail.name ?>,</p>
<?cs each:s = Mail.sections ?>
<h2 style="font-size: 15px;"><?cs var:s.title ?></h2>
<ul><?cs each:row = s.rows ?>
  <li><?cs if:row.link ?><a href="<?cs var:row.link ?>"><?cs var:row.text ?></a><?cs else ?><?cs var:row.text ?><?cs /if ?></li><?cs /each ?>
</ul>
<?cs if:s.more ?><p>+<?cs var:s.more ?> <?cs var:Lang.mail.digest.more ?></p><?cs /if ?>
<?cs /each ?>
<p style="color: #666; font-size: 12px;"><?cs var:Lang.mail.digest.footer ?>
<a href="<?cs var:Mail.base_url ?>/me/notifications"><?cs var:Mail.base_url ?>/me/notifications</a></p>
</body></html>
