<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.requests ?>">
  <a href="/requests/inbox"<?cs if:Page.tab == "inbox" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.request.inbox ?><?cs if:Nav.inbox_count > 0 ?> <span class="count"><?cs var:Nav.inbox_count ?></span><?cs /if ?></a>
  <a href="/requests"<?cs if:Page.tab == "mine" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.request.mine ?></a>
  <a href="/delegations"><?cs var:Lang.delegation.title ?></a>
</nav>
<h1><?cs var:Page.title ?></h1>
<?cs if:Page.tab == "inbox" ?>
<?cs if:subcount(Delegators) ?><p class="hint"><?cs var:Lang.request.deciding_for ?> <?cs each:d = Delegators ?><strong><?cs var:d ?></strong> <?cs /each ?></p><?cs /if ?>
<form method="get" action="/requests/inbox" class="filters">
  <label><?cs var:Lang.request.type ?> <select name="type"><option value=""><?cs var:Lang.request.all_filter ?></option><?cs each:t = Lang.request.types ?><option value="<?cs name:t ?>"<?cs if:Filter.type == name(t) ?> selected<?cs /if ?>><?cs var:t ?></option><?cs /each ?></select></label>
  <button type="submit"><?cs var:Lang.request.filter ?></button>
</form>
<?cs /if ?>
<?cs if:subcount(Requests) ?>
<table class="list requests">
  <thead><tr><th>#</th><th><?cs var:Lang.request.type ?></th><th><?cs var:Lang.request.client ?></th><th><?cs var:Lang.request.change ?></th>
  <?cs if:Page.tab == "inbox" ?><th><?cs var:Lang.request.requester ?></th><th><?cs var:Lang.request.reason ?></th><th><?cs var:Lang.request.age ?></th>
  <?cs else ?><th><?cs var:Lang.request.status ?></th><th><?cs var:Lang.request.created_at ?></th><th><?cs var:Lang.request.decided_at ?></th><?cs /if ?></tr></thead>
  <tbody>
  <?cs each:q = Requests ?>
  <tr>
    <td><a href="/requests/<?cs var:q.id ?>">#<?cs var:q.id ?></a></td>
    <td><?cs var:Lang.request.types[q.type] ?><?cs if:q.for ?> <span class="tag"><?cs var:Lang.request.for_delegator ?></span><?cs /if ?></td>
    <td><?cs var:q.client ?></td>
    <td><?cs if:q.field_label ?><?cs var:q.field_label ?>: <?cs alt:q.old ?>—<?cs /alt ?> → <strong><?cs var:q.new ?></strong><?cs /if ?></td>
    <?cs if:Page.tab == "inbox" ?>
    <td><?cs var:q.requester ?></td><td class="longtext"><?cs var:q.reason ?></td><td<?cs if:q.age_old ?> class="overdue"<?cs /if ?>><?cs var:q.age ?></td>
    <?cs else ?>
    <td><span class="status <?cs var:q.status ?>"><?cs var:Lang.request.st[q.status] ?></span><?cs if:q.grant_until ?> <small class="grant">(<?cs var:Lang.request.grant_until ?> <?cs var:q.grant_until ?>)</small><?cs elif:q.grant_ended ?> <small class="grant">(<?cs var:Lang.request.grant_ended ?>)</small><?cs /if ?></td><td><?cs var:q.created_at ?></td><td><?cs var:q.decided_at ?></td>
    <?cs /if ?>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.request.none ?></p><?cs /if ?>
<?cs if:Page.next_before ?><nav class="pager"><a href="<?cs if:Page.tab == "inbox" ?>/requests/inbox?type=<?cs var:url_escape(Filter.type) ?>&amp;<?cs else ?>/requests?<?cs /if ?>before=<?cs var:Page.next_before ?>"><?cs var:Lang.request.next_page ?></a></nav><?cs /if ?>
<?cs include!"footer.cs" ?>
