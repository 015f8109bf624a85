<nav class="tabs" aria-label="<?cs var:Lang.nav.mail ?>">
  <a href="/admin/mail"<?cs if:Page.path == "/admin/mail" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mail.settings.title ?></a>
  <a href="/admin/outbox"<?cs if:Page.path == "/admin/outbox" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mail.outbox.title ?></a>
  <a href="/admin/mail/robots"<?cs if:Page.path == "/admin/mail/robots" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mail.robots.title ?></a>
  <a href="/admin/mail/sink"<?cs if:Page.path == "/admin/mail/sink" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.mail.sink.title ?></a>
</nav>
