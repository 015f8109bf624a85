<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/reviews"><?cs var:Lang.review.title ?></a></p>
<h1><?cs var:Review.dept ?> · <?cs var:Review.period ?>
  <?cs if:Review.status == "approved" ?><span class="status approved"><?cs var:Lang.review.approved ?></span><?cs elif:Review.request_status == "pending" ?><span class="status pending"><?cs var:Lang.review.submitted ?></span><?cs /if ?></h1>
<?cs if:Review.request_id ?><p><a href="/requests/<?cs var:Review.request_id ?>"><?cs var:Lang.request.title ?> #<?cs var:Review.request_id ?></a></p><?cs /if ?>
<section class="card" id="quota">
  <h2><?cs var:Lang.review.quota_title ?> <small>(<?cs var:Lang.review.total ?> <?cs var:Quota.total ?>)</small></h2>
  <table class="list compact">
    <thead><tr><th><?cs var:Lang.client.f.grade_id ?></th><th><?cs var:Lang.request.quota ?></th><th><?cs var:Lang.review.now ?></th><th><?cs var:Lang.review.after ?></th><th><?cs var:Lang.review.allowed ?></th></tr></thead>
    <tbody><?cs each:g = Quota.grades ?>
      <tr<?cs if:g.over ?> class="over"<?cs /if ?>><td><?cs var:g.label ?></td><td><?cs if:g.quota ?><?cs var:g.quota ?>%<?cs else ?>—<?cs /if ?></td><td class="num"><?cs var:g.now ?></td>
      <td class="num<?cs if:g.over ?> overdue<?cs /if ?>"><?cs var:g.after ?><?cs if:g.over ?> ⚠<?cs /if ?></td><td class="num"><?cs alt:g.allowed ?>—<?cs /alt ?></td></tr>
    <?cs /each ?></tbody>
  </table>
</section>
<?cs if:Can.propose ?>
<form method="post" action="/reviews/<?cs var:Review.id ?>">
  <?cs call:csrf() ?>
  <input type="hidden" name="after" value="<?cs var:Page.after ?>">
<?cs /if ?>
<table class="list review">
  <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.f.lifecycle ?></th><th><?cs var:Lang.review.now ?></th><th><?cs var:Lang.review.proposed ?></th></tr></thead>
  <tbody><?cs each:c = Clients ?>
    <tr<?cs if:c.proposed != "" && c.proposed != c.grade_id ?> class="changed"<?cs /if ?>><td><a href="/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a></td><td><?cs var:Lang.client.opt.lifecycle[c.lifecycle] ?></td><td><?cs var:c.grade ?></td>
    <td><?cs if:Can.propose ?><select name="grade_<?cs var:c.id ?>" aria-label="<?cs var:Lang.review.proposed ?>"><option value="">—</option><?cs each:o = Choices.grade ?><option value="<?cs var:o.id ?>"<?cs if:(c.proposed != "" && c.proposed == o.id) || (c.proposed == "" && c.grade_id == o.id) ?> selected<?cs /if ?>><?cs var:o.label ?></option><?cs /each ?></select><?cs /if ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs if:Can.propose ?>
  <p><button type="submit"><?cs var:Lang.review.save ?></button></p>
</form>
<?cs /if ?>
<?cs if:Page.next_after ?><nav class="pager"><a href="/reviews/<?cs var:Review.id ?>?after=<?cs var:Page.next_after ?>"><?cs var:Lang.request.next_page ?></a></nav><?cs /if ?>
<?cs if:Can.propose ?>
<section class="card narrow-wide">
  <h2><?cs var:Lang.review.submit_title ?></h2>
  <p class="hint"><?cs var:Lang.review.submit_hint ?></p>
  <form method="post" action="/reviews/<?cs var:Review.id ?>/submit">
    <?cs call:csrf() ?>
    <?cs call:text_field("_reason", Lang.request.reason, "text", "maxlength=500 required") ?>
    <button type="submit" class="primary"><?cs var:Lang.review.submit ?></button>
  </form>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
