<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/requests/inbox"><?cs var:Lang.request.inbox ?></a> · <a href="/requests"><?cs var:Lang.request.mine ?></a></p>
<h1><?cs var:Lang.request.title ?> #<?cs var:Request.id ?> · <?cs var:Lang.request.types[Request.type] ?> <span class="status <?cs var:Request.status ?>" id="request-status"><?cs var:Lang.request.st[Request.status] ?></span></h1>
<div class="grid two">
<section class="card">
  <dl class="facts">
    <?cs if:Request.type == "review" ?><dt><?cs var:Lang.review.title ?></dt><dd><a href="/reviews/<?cs var:Request.new_value ?>"><?cs var:Lang.review.see ?></a></dd>
    <?cs else ?><dt><?cs var:Lang.request.client ?></dt><dd><?cs if:Request.client_id ?><a href="/clients/<?cs var:Request.client_id ?>"><?cs var:Request.client ?></a><?cs /if ?></dd><?cs /if ?>
    <dt><?cs var:Lang.request.requester ?></dt><dd><?cs var:Request.requester ?> · <?cs var:Request.requester_dept ?></dd>
    <dt><?cs var:Lang.request.created_at ?></dt><dd><?cs var:Request.created_at ?> (<?cs var:Request.age ?>)</dd>
    <?cs if:Request.status == "pending" ?><dt><?cs var:Lang.request.expires_at ?></dt><dd><?cs var:Request.expires_at ?></dd>
    <?cs else ?><dt><?cs var:Lang.request.decided_at ?></dt><dd><?cs var:Request.decided_at ?></dd><?cs /if ?>
    <dt><?cs var:Lang.request.reason ?></dt><dd class="longtext"><?cs var:Request.reason ?></dd>
  </dl>
  <?cs if:Request.field_label && Request.type != "review" ?>
  <table class="list compact diff">
    <thead><tr><th><?cs var:Lang.request.field_col ?></th><th><?cs var:Lang.request.before ?></th><th><?cs var:Lang.request.after ?></th></tr></thead>
    <tbody><tr><td><?cs var:Request.field_label ?></td><td class="old"><?cs alt:Request.old ?>—<?cs /alt ?></td><td class="new"><?cs var:Request.new ?></td></tr></tbody>
  </table>
  <?cs /if ?>
</section>
<section class="card">
  <h2><?cs var:Lang.request.steps ?></h2>
  <ol class="steps">
  <?cs each:s = Steps ?>
    <li class="<?cs var:s.state ?>"><strong><?cs var:Lang.role[s.role] ?></strong><?cs if:s.dept ?> · <?cs var:s.dept ?><?cs /if ?><?cs if:s.need_all == "1" ?> (<?cs var:Lang.routes.need_all ?>)<?cs /if ?> — <?cs var:Lang.request.step_state[s.state] ?>
      <br><small><?cs var:Lang.request.approvers ?>: <?cs each:a = s.approvers ?><?cs var:a.name ?><?cs if:!last(a) ?>, <?cs /if ?><?cs /each ?></small></li>
  <?cs /each ?>
  </ol>
  <?cs if:subcount(Decisions) ?>
  <h2><?cs var:Lang.request.decisions ?></h2>
  <ul class="decisions">
  <?cs each:d = Decisions ?>
    <li><span class="status <?cs var:d.decision ?>"><?cs var:Lang.request.st[d.decision] ?></span> <?cs var:d.at ?><?cs if:d.by ?> — <?cs var:Lang.request.by ?> <?cs var:d.by ?><?cs if:d.behalf ?> <?cs var:Lang.request.on_behalf ?> <?cs var:d.behalf ?><?cs /if ?><?cs /if ?><?cs if:d.comment ?><br><q><?cs var:d.comment ?></q><?cs /if ?></li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
</div>
<?cs if:Can.decide ?>
<?cs each:t = Detail.tables ?>
<section class="card detail" id="detail-<?cs name:t ?>">
  <h2><?cs var:t.title ?></h2>
  <table class="list compact">
    <thead><tr><?cs each:h = t.head ?><th><?cs var:h ?></th><?cs /each ?></tr></thead>
    <tbody><?cs each:row = t.rows ?><tr><?cs each:c = row.cells ?><td<?cs if:c.class ?> class="<?cs var:c.class ?>"<?cs /if ?>><?cs if:c.href ?><a href="<?cs var:c.href ?>"><?cs var:c.text ?></a><?cs else ?><?cs var:c.text ?><?cs /if ?></td><?cs /each ?></tr><?cs /each ?></tbody>
  </table>
</section>
<?cs /each ?>
<section class="card" id="decide">
  <h2><?cs var:Lang.request.decision ?></h2>
  <?cs if:Can.decide_for ?><p class="hint"><?cs var:Lang.request.deciding_for ?> <strong><?cs var:Can.decide_for ?></strong></p><?cs /if ?>
  <form method="post" action="/requests/<?cs var:Request.id ?>/decide">
    <?cs call:csrf() ?>
    <input type="hidden" name="step" value="<?cs var:Request.step ?>">
    <div class="field wide<?cs if:Form.errors.comment ?> invalid<?cs /if ?>">
      <label for="f-comment"><?cs var:Lang.request.comment ?></label>
      <textarea id="f-comment" name="comment" rows="2" maxlength="1000"><?cs var:Form.values.comment ?></textarea>
      <p class="hint"><?cs var:Lang.request.comment_hint ?></p>
      <?cs call:error_for("comment") ?>
    </div>
    <button type="submit" name="decision" value="approve" class="primary"><?cs var:Lang.request.approve ?></button>
    <button type="submit" name="decision" value="reject"><?cs var:Lang.request.reject ?></button>
  </form>
</section>
<?cs /if ?>
<?cs if:Can.withdraw ?>
<form method="post" action="/requests/<?cs var:Request.id ?>/withdraw" class="inline"><?cs call:csrf() ?><button type="submit"><?cs var:Lang.request.withdraw ?></button></form>
<?cs /if ?>
<?cs include!"footer.cs" ?>
