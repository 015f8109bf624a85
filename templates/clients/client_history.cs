<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.client.history ?>: <?cs var:Card.name ?></h1>
<section class="card"><?cs include!"clients/part_history.cs" ?></section>
<nav class="pager"><?cs if:Page.next_before ?><a href="/clients/<?cs var:Card.id ?>/history?before=<?cs var:Page.next_before ?>"><?cs var:Lang.admin.next_page ?></a><?cs /if ?></nav>
<?cs include!"footer.cs" ?>
