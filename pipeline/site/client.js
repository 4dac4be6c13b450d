(function(){
  var form=document.getElementById('filters');if(!form)return;form.hidden=false;
  var items=[].slice.call(document.querySelectorAll('article.project'));
  var count=document.getElementById('result-count');
  function apply(){
    var policy=form.policy.value,dept=form.department.value,status=form.status.value,q=form.q.value.trim().toLowerCase();
    var shown=0,reposts=0;
    items.forEach(function(el){
      var ok=(!policy||el.dataset.policy===policy)&&(!dept||el.dataset.departments.split('|').indexOf(dept)>=0)&&(!status||el.dataset.status===status)&&(!q||el.dataset.search.indexOf(q)>=0);
      el.hidden=!ok;if(ok){if(el.dataset.status==='repost')reposts++;else shown++;}
    });
    document.querySelectorAll('section.measure').forEach(function(s){s.hidden=!s.querySelector('article.project:not([hidden])');});
    document.querySelectorAll('section.policy').forEach(function(s){s.hidden=!s.querySelector('article.project:not([hidden])');});
    // Counted as the plan counts: the 【再掲】 listings apart, so the totals agree with the rest of the page.
    count.textContent=shown+' 件の事業'+(reposts?'（ほかに再掲 '+reposts+' 件）':'')+'を表示しています';
  }
  form.addEventListener('input',apply);form.addEventListener('change',apply);
  form.addEventListener('submit',function(e){e.preventDefault();apply();});
  form.addEventListener('reset',function(){setTimeout(apply,0);});
  apply();
})();
