<?cs include!"header.cs" ?>
<h1><?cs var:Lang.review.title ?></h1>
<p class="hint"><?cs var:Lang.review.hint ?></p>
<?cs if:subcount(Reviews) ?>
<table class="list">
  <thead><tr><th><?cs var:Lang.review.period ?></th><th><?cs var:Lang.review.dept ?></th><th><?cs var:Lang.review.opened_at ?></th><th><?cs var:Lang.request.status ?></th></tr></thead>
  <tbody><?cs each:v = Reviews ?>
    <tr><td><a href="/reviews/<?cs var:v.id ?>"><?cs var:v.period ?></a></td><td><?cs var:v.dept ?></td><td><?cs var:v.opened_at ?></td>
    <td><?cs if:v.status == "approved" ?><span class="status approved"><?cs var:Lang.review.approved ?></span><?cs elif:v.request_status == "pending" ?><span class="status pending"><?cs var:Lang.review.submitted ?></span><?cs else ?><?cs var:Lang.review.open ?><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.review.none ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
