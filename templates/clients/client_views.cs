<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.views.card_title ?>: <?cs var:Card.name ?> <small><?cs var:Card.code ?></small></h1>
<form method="get" action="/clients/<?cs var:Card.id ?>/views" class="filters">
  <label><?cs var:Lang.views.from ?> <input type="date" name="from" value="<?cs var:Form.values.from ?>"></label>
  <label><?cs var:Lang.views.to ?> <input type="date" name="to" value="<?cs var:Form.values.to ?>"></label>
  <button type="submit"><?cs var:Lang.views.filter ?></button>
  <?cs call:error_for("from") ?><?cs call:error_for("to") ?>
</form>
<?cs if:!Form.invalid ?>
<p><a class="button" href="/clients/<?cs var:Card.id ?>/views.csv?<?cs var:Filter.query ?>"><?cs var:Lang.views.export ?></a></p>
<?cs if:subcount(Views) ?>
<table class="list" id="views">
  <thead><tr><th><?cs var:Lang.views.id ?></th><th><?cs var:Lang.views.at ?></th><th><?cs var:Lang.views.who ?></th><th><?cs var:Lang.views.dept ?></th><th><?cs var:Lang.views.via ?></th><th><?cs var:Lang.views.page_col ?></th></tr></thead>
  <tbody>
  <?cs each:v = Views ?>
    <tr data-id="<?cs var:v.id ?>"<?cs if:v.via == "denied" ?> class="denied"<?cs /if ?>><td><?cs var:v.id ?></td><td class="nowrap"><?cs var:v.at ?></td><td><?cs var:v.user_name ?></td><td><?cs var:v.user_dept ?></td><td><?cs var:v.via_label ?></td><td><?cs var:v.page_label ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.views.none ?></p><?cs /if ?>
<nav class="pager"><?cs if:Page.next_before ?><a href="/clients/<?cs var:Card.id ?>/views?<?cs if:Filter.query ?><?cs var:Filter.query ?>&amp;<?cs /if ?>before=<?cs var:Page.next_before ?>"><?cs var:Lang.views.next_page ?></a><?cs /if ?></nav>
<?cs /if ?>
<?cs include!"footer.cs" ?>
