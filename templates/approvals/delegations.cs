<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.requests ?>">
  <a href="/requests/inbox"><?cs var:Lang.request.inbox ?><?cs if:Nav.inbox_count > 0 ?> <span class="count"><?cs var:Nav.inbox_count ?></span><?cs /if ?></a>
  <a href="/requests"><?cs var:Lang.request.mine ?></a>
  <a href="/delegations" aria-current="page"><?cs var:Lang.delegation.title ?></a>
</nav>
<h1><?cs var:Lang.delegation.title ?></h1>
<p class="hint"><?cs var:Lang.delegation.hint ?></p>
<?cs if:subcount(Delegations) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.delegation.from ?></th><th><?cs var:Lang.delegation.to ?></th><th><?cs var:Lang.delegation.starts_at ?></th><th><?cs var:Lang.delegation.ends_at ?></th><th><?cs var:Lang.delegation.note ?></th><th><?cs var:Lang.delegation.state ?></th><th></th></tr></thead>
  <tbody><?cs each:d = Delegations ?>
    <tr><td><?cs var:d.from ?></td><td><?cs var:d.to ?></td><td><?cs var:d.starts_at ?></td><td><?cs var:d.ends_at ?></td><td><?cs var:d.note ?></td><td><?cs var:Lang.delegation.st[d.state] ?></td>
    <td><?cs if:d.can_revoke ?><form method="post" action="/delegations/<?cs var:d.id ?>/revoke" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.delegation.revoke ?></button></form><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.delegation.none ?></p><?cs /if ?>
<section class="card narrow-wide">
  <h2><?cs var:Lang.delegation.create ?></h2>
  <form method="post" action="/delegations">
    <?cs call:csrf() ?>
    <?cs call:person_field("to", Lang.delegation.to_username) ?>
    <?cs call:text_field("starts_at", Lang.delegation.starts_at, "datetime-local", "required") ?>
    <?cs call:text_field("ends_at", Lang.delegation.ends_at, "datetime-local", "required") ?>
    <?cs call:text_field("note", Lang.delegation.note, "text", "maxlength=200") ?>
    <button type="submit" class="primary"><?cs var:Lang.delegation.create ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
