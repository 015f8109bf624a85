<?cs # the card's heading and bookkeeping, shared by the card page and print ?>
<div class="card-head">
  <h1><?cs var:Card.name ?> <small><?cs var:Card.code ?></small></h1>
  <?cs call:blacklist_banner(Card.blacklist, Card.blacklist_reason) ?>
  <dl class="facts inline">
    <dt><?cs var:Lang.client.owner ?></dt><dd><?cs var:Card.owner_name ?> · <?cs var:Card.dept_name ?></dd>
    <dt><?cs var:Lang.client.scope ?></dt><dd><?cs var:Card.scope_label ?></dd>
    <dt><?cs var:Lang.client.registered_at ?></dt><dd><?cs var:Card.registered_at ?><?cs if:Card.filing_due ?> <small id="filing">(<?cs var:Lang.client.filing_due ?> <?cs var:Card.filing_due ?><?cs if:Card.filed_late ?> · <span class="tag late"><?cs var:Lang.client.filed_late ?></span><?cs /if ?>)</small><?cs /if ?></dd>
    <dt><?cs var:Lang.client.updated_at ?></dt><dd><?cs var:Card.updated_at ?></dd>
    <dt><?cs var:Lang.client.last_visit ?></dt><dd><?cs alt:Card.last_visit_on ?>—<?cs /alt ?></dd>
    <dt><?cs var:Lang.client.next_visit ?></dt><dd<?cs if:Card.overdue ?> class="overdue"<?cs /if ?>><?cs alt:Card.next_visit_due ?>—<?cs /alt ?></dd>
    <?cs if:Card.in_pool ?><dt><?cs var:Lang.pool.title ?></dt><dd><span class="tag"><?cs var:Lang.pool.in_pool ?></span></dd><?cs /if ?>
    <?cs if:Card.protected_until ?><dt><?cs var:Lang.pool.protected_until ?></dt><dd><?cs var:Card.protected_until ?></dd>
    <dt><?cs var:Lang.pool.last_progress ?></dt><dd><?cs var:Card.last_progress_on ?></dd>
    <dt><?cs var:Lang.pool.drops_on ?></dt><dd<?cs if:Card.drops_soon ?> class="overdue"<?cs /if ?> id="drops-on"><?cs var:Card.drops_on ?></dd><?cs /if ?>
  </dl>
  <?cs if:Card.unserved_since ?><p class="alert" id="unserved"><?cs var:Lang.unserved.card ?> <?cs var:Card.unserved_since ?><span class="screen-only"> · <a href="/clients/<?cs var:Card.id ?>/request?kind=reassign"><?cs var:Lang.unserved.reassign ?></a></span></p><?cs /if ?>
</div>
