<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.survey.new ?> <small><?cs var:Card.name ?></small></h1>
<section class="card narrow-wide">
  <form method="post" action="/clients/<?cs var:Card.id ?>/surveys">
    <?cs call:csrf() ?>
    <?cs call:text_field("surveyed_on", Lang.survey.f.surveyed_on, "date", "required max=" + Page.today) ?>
    <?cs each:q = Lang.survey.q ?>
    <fieldset class="field<?cs if:Form.errors[name(q)] ?> invalid<?cs /if ?>">
      <legend><?cs var:q ?> <span class="req">*</span></legend>
      <?cs loop:i = 1, 5, 1 ?><label class="check"><input type="radio" name="<?cs name:q ?>" value="<?cs var:i ?>"<?cs if:Form.values[name(q)] == i ?> checked<?cs /if ?>> <?cs var:i ?></label><?cs /loop ?>
      <?cs call:error_for(name(q)) ?>
    </fieldset>
    <?cs /each ?>
    <div class="field wide<?cs if:Form.errors.comments ?> invalid<?cs /if ?>">
      <label for="f-comments"><?cs var:Lang.survey.f.comments ?></label>
      <textarea id="f-comments" name="comments" rows="3" maxlength="1000"><?cs var:Form.values.comments ?></textarea>
      <?cs call:error_for("comments") ?>
    </div>
    <button type="submit" class="primary"><?cs var:Lang.survey.save ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
