/* newsassert's HTML report: the tool bar (search, failures only, outlet,
   kind, all claims), sortable tables, the article index, articles shown as
   they are reached (a page of many articles keeps their text out of the
   document until then), and a self-test the browser tests read. */
(function(){
"use strict";
var started=performance.now(),d=document;
function $(id){return d.getElementById(id);}
var ff=$("ff"),fo=$("fo"),fk=$("fk"),fa=$("fa"),fq=$("fq"),fn=$("fn");
// Every check: a line of the overview, a section of its own.
var checks=[].slice.call(d.querySelectorAll("tr.f[data-s],section.ck"));
var outletRows=d.querySelectorAll("table.ot tr.f");
var ixd=$("ixd"),data=ixd?JSON.parse(ixd.textContent):{outlets:[],articles:[]};
// An article: [anchor, id, outlet, published, lang, claims, failing, kinds, search text].
var arts=data.articles,sections=[],texts=null,listed=[],limit=100,sortBy=-1,sortDir=1;
for(var i=0;i<arts.length;i++)sections.push($(arts[i][0]));
var other=/\bk[qdrz]\b/;

// The words of an element, shown or (a section not laid out yet) kept in its script.
function words(e){
  if(e.classList.contains("lz")&&e.hasAttribute("data-t"))return e.getAttribute("data-t");
  var s=e.classList.contains("lz")&&e.querySelector("script");
  return s?s.textContent.replace(/<[^>]*>/g," ").replace(/&lt;/g,"<").replace(/&gt;/g,">").replace(/&amp;/g,"&"):e.textContent;
}
function has(e,name,value){
  var v=e.getAttribute(name);
  return v===null||(" "+v+" ").indexOf(" "+value+" ")>=0;
}
function apply(){
  var fail=ff.checked,o=fo.value,k=fk.value,q=fq.value.trim().toLowerCase(),shown=0,total=0;
  // Articles know their figures as plain numbers: "2,500" finds 2500.
  var qa=q.replace(/(\d)[,\u066c](?=\d{3})/g,"$1");
  d.body.classList.toggle("fo",fail);
  d.body.classList.toggle("ac",fa.checked);
  if(k)d.body.setAttribute("data-fk",k);else d.body.removeAttribute("data-fk");
  if(q&&!texts){
    // A line of the overview is found by what its check's section says too.
    texts=[];
    for(var t=0;t<checks.length;t++){
      var link=checks[t].tagName==="TR"&&checks[t].querySelector('a[href^="#k"]'),sec=link&&$(link.getAttribute("href").slice(1));
      texts.push((words(checks[t])+(sec?" "+words(sec):"")).toLowerCase());
    }
  }
  for(var i=0;i<checks.length;i++){
    var e=checks[i],s=e.getAttribute("data-s"),ok=true;
    if(fail&&s!=="f"&&s!=="e")ok=false;
    if(o&&!has(e,"data-o",o))ok=false;
    if(k&&!has(e,"data-k",k))ok=false;
    if(q&&texts[i].indexOf(q)<0)ok=false;
    e.hidden=!ok;
    if(e.tagName==="TR"){total++;if(ok)shown++;}
  }
  for(var r=0;r<outletRows.length;r++)outletRows[r].hidden=!!o&&outletRows[r].getAttribute("data-o")!==o;
  listed=[];
  for(var a=0;a<arts.length;a++){
    var x=arts[a],keep=(!fail||x[6])&&(!o||String(x[2])===o)&&(!k||x[7].indexOf(k)>=0)&&(!q||x[8].indexOf(qa)>=0);
    if(sections[a])sections[a].hidden=!keep;
    if(keep)listed.push(a);
  }
  limit=100;
  index();
  fn.textContent=(fail||o||k||q)?shown+" of "+total+" check lines, "+listed.length+" of "+arts.length+" articles":"";
}
var timer=0;
fq.addEventListener("input",function(){clearTimeout(timer);timer=setTimeout(apply,120);});
fq.form.addEventListener("submit",function(e){e.preventDefault();apply();});
[ff,fo,fk,fa].forEach(function(e){e.addEventListener("change",apply);});

// -- the article index -------------------------------------------------------
function esc(s){return String(s).replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;");}
function index(){
  var body=d.querySelector("table.ix tbody");
  if(!body)return;
  var rows=listed.slice();
  if(sortBy>=0)rows.sort(function(p,q){
    var a=arts[p][sortBy],b=arts[q][sortBy];
    if(sortBy===2){a=data.outlets[a];b=data.outlets[b];}
    return (a<b?-1:a>b?1:0)*sortDir||p-q;
  });
  var n=Math.min(rows.length,limit),html=[];
  for(var i=0;i<n;i++){
    var a=arts[rows[i]];
    html.push('<tr><td><a href="#'+a[0]+'">'+esc(a[1])+'</a></td><td><bdi>'+esc(data.outlets[a[2]])+
      "</bdi></td><td>"+a[3]+"</td><td>"+a[4]+"</td><td>"+a[5]+"</td><td>"+(a[6]?'<b class="sf">✗ fails</b>':"")+"</td></tr>");
  }
  body.innerHTML=html.join("");
  $("ixn").textContent=rows.length+" article"+(rows.length===1?"":"s")+(rows.length>n?", the first "+n+" listed":"");
  $("ixm").hidden=rows.length<=n;
}
if($("ixm"))$("ixm").addEventListener("click",function(){limit+=500;index();});

// -- sorting: a click on a column's heading ----------------------------------
function key(row,col){
  var c=row.cells[col],t=c?c.textContent.trim():"",n=t.replace(/,/g,"");
  return /^-?\d+(\.\d+)?$/.test(n)?[0,parseFloat(n),t]:[1,0,t.toLowerCase()];
}
function compare(a,b){return a[0]-b[0]||a[1]-b[1]||(a[2]<b[2]?-1:a[2]>b[2]?1:0);}
function mark(th,dir){
  var all=th.parentNode.children;
  for(var i=0;i<all.length;i++)all[i].removeAttribute("aria-sort");
  th.setAttribute("aria-sort",dir>0?"ascending":"descending");
}
d.addEventListener("click",function(e){
  var th=e.target.closest&&e.target.closest("thead th");
  if(!th)return;
  var table=th.closest("table"),dir=th.getAttribute("aria-sort")==="ascending"?-1:1;
  if(table.classList.contains("ix")){
    sortBy=+th.getAttribute("data-c");sortDir=dir;mark(th,dir);index();return;
  }
  if(!table.classList.contains("st"))return;
  var col=th.cellIndex,body=table.tBodies[0],rows=[].slice.call(body.rows),last=[],sorted=[];
  rows.forEach(function(r,i){
    // A line that sums up others (held consistency, rows not listed) stays last.
    if(r.classList.contains("fold")||r.cells.length===1)last.push(r);
    else sorted.push([key(r,col),i,r]);
  });
  sorted.sort(function(a,b){return compare(a[0],b[0])*dir||a[1]-b[1];});
  sorted.forEach(function(s){body.appendChild(s[2]);});
  last.forEach(function(r){body.appendChild(r);});
  mark(th,dir);
});

// -- articles shown as they are reached --------------------------------------
// A group of articles: deflated JSON in base64, read once, when first needed.
var chunks={};
function chunk(n,done){
  var c=chunks[n];
  if(c&&c.list){done(c.list);return;}
  if(c){c.waiting.push(done);return;}
  c=chunks[n]={waiting:[done]};
  var bin=atob($(n).textContent),bytes=new Uint8Array(bin.length);
  for(var i=0;i<bin.length;i++)bytes[i]=bin.charCodeAt(i);
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text().then(function(t){
    c.list=JSON.parse(t);var w=c.waiting;c.waiting=[];w.forEach(function(f){f(c.list);});
  });
}
function fill(section,html){section.innerHTML=html;section.classList.remove("lz");}
function show(section,done){
  done=done||function(){};
  if(!section.classList.contains("lz")){done();return;}
  var z=section.getAttribute("data-z");
  if(z){
    var at=z.split(" ");
    chunk(at[0],function(list){if(section.classList.contains("lz"))fill(section,list[+at[1]]);done();});
    return;
  }
  var s=section.querySelector("script");
  fill(section,s?s.textContent:"");
  done();
}
var lazy=d.querySelectorAll(".lz");
if(lazy.length){
  if("IntersectionObserver" in window){
    var seen=new IntersectionObserver(function(entries){
      entries.forEach(function(en){if(en.isIntersecting){seen.unobserve(en.target);show(en.target);}});
    },{rootMargin:"1500px 0px"});
    for(var l=0;l<lazy.length;l++)seen.observe(lazy[l]);
  }else for(var m=0;m<lazy.length;m++)show(lazy[m]);
}
// A link to a claim or an article not shown yet shows its article first
// (a claim's link names its article); done(the element, or null).
function reveal(id,done){
  done=done||function(){};
  var found=$(id),section=found&&found.closest(".art,.ck");
  if(!found){
    var link=d.querySelector('a[data-a][href="#'+id.replace(/["\\]/g,"\\$&")+'"]');
    section=link&&$(link.getAttribute("data-a"));
    // The link may itself be in a section not laid out yet, or the claim in one.
    var ls=d.querySelectorAll(".lz script"),href='href="#'+id+'" data-a="',here='id="'+id+'"';
    for(var i=0;i<ls.length&&!section;i++){
      var t=ls[i].textContent,at=t.indexOf(href);
      if(at>=0)section=$(t.slice(at+href.length,t.indexOf('"',at+href.length)));
      else if(t.indexOf(here)>=0)section=ls[i].parentNode;
    }
  }
  if(!section){
    // Last, the groups not read yet: the check whose table links to it, or its article.
    if(!found)return search(href,function(text){
      var at=text&&text.indexOf(href),to=text?$(text.slice(at+href.length,text.indexOf('"',at+href.length))):null;
      if(to){to.hidden=false;show(to,function(){done($(id));});}
      else done(null);
    });
    done(found);return;
  }
  section.hidden=false;
  show(section,function(){done($(id));});
}
// The first section, of those kept in groups, whose markup holds `needle`.
function search(needle,done){
  var ids=[].map.call(d.querySelectorAll('script[type="text/x-newsassert-z"]'),function(s){return s.id;}),i=0;
  (function next(){
    if(i>=ids.length){done(null);return;}
    chunk(ids[i++],function(list){
      for(var j=0;j<list.length;j++)if(list[j].indexOf(needle)>=0){done(list[j]);return;}
      next();
    });
  })();
}
d.addEventListener("click",function(e){
  var a=e.target.closest&&e.target.closest('a[href^="#"]');
  if(!a)return;
  var id=decodeURIComponent(a.getAttribute("href").slice(1)),t=$(id);
  if(t&&!t.closest(".lz")&&!t.closest("[hidden]"))return;  // there already: the browser goes
  e.preventDefault();
  reveal(id,function(found){
    if(!found)return;
    if(location.hash!=="#"+id)location.hash=id;
    found.scrollIntoView();
  });
});
if(location.hash.length>1&&location.hash.indexOf("#selftest")!==0){
  reveal(decodeURIComponent(location.hash.slice(1)),function(t){if(t)t.scrollIntoView();});
}

// A plain mention carries only its colour; name its kind on hover.
d.addEventListener("mouseover",function(e){
  var t=e.target;
  if(t.tagName!=="B"||t.title||other.test(t.className)||!t.closest(".tx"))return;
  var c=t.classList;
  t.title="mention · "+(c.contains("kp")?"person":c.contains("ko")?"organization":"place")+"\n"+t.textContent;
});

$("flt").hidden=false;
apply();

// -- self-test: #selftest[&q=search words] -----------------------------------
if(location.hash.indexOf("#selftest")===0){
  var r={parsed:Math.round(started),opened:Math.round(performance.now())};
  r.height=d.documentElement.scrollHeight;
  r.laid_out=Math.round(performance.now());
  var ps=d.querySelectorAll(".tx p"),dirs={};
  for(var j=0;j<ps.length;j++){
    var p=ps[j],key2=(p.getAttribute("lang")||"und")+":"+getComputedStyle(p).direction;
    dirs[key2]=(dirs[key2]||0)+1;
  }
  r.directions=dirs;
  var ms=d.querySelectorAll(".tx b:not(.p)"),hl=[],anchored={};
  for(var h=0;h<ms.length;h++){hl.push(ms[h].textContent);if(ms[h].id)anchored[ms[h].id]=ms[h].textContent;}
  r.highlights=hl;r.anchored=anchored;
  r.shaded=0;
  for(var g=0;g<ms.length;g++){var bg=getComputedStyle(ms[g]).backgroundColor;if(bg!=="rgba(0, 0, 0, 0)"&&bg!=="transparent")r.shaded++;}
  r.conflicts=[];var xs=d.querySelectorAll(".tx b.x[id]");
  for(var x=0;x<xs.length;x++)r.conflicts.push([xs[x].id,xs[x].closest("p").getAttribute("lang"),getComputedStyle(xs[x]).outlineColor]);
  r.lazy=d.querySelectorAll(".art.lz").length;r.lazy_checks=d.querySelectorAll(".ck.lz").length;r.articles=arts.length;
  function visible(sel){var n=0,q=d.querySelectorAll(sel);for(var i=0;i<q.length;i++)if(q[i].offsetParent!==null)n++;return n;}
  function count(){return {passing:visible("section.ck.sp")+visible("tr.f.sp"),failing:visible("section.ck.sf")+visible("tr.f.sf"),
    articles:visible("section.art"),height:d.documentElement.scrollHeight};}
  r.before=count();
  ff.checked=true;apply();r.failures_only=count();
  ff.checked=false;apply();r.after=count();
  // &q=words[|more words]: what each search leaves shown.
  var term=/[#&]q=([^&]*)/.exec(location.hash);
  r.search=[];
  if(term)decodeURIComponent(term[1]).split("|").forEach(function(words){
    fq.value=words;apply();
    var shown=[],rows=[],q2=d.querySelectorAll("section.art"),ix=d.querySelectorAll("table.ix tbody tr");
    for(var s=0;s<q2.length;s++)if(!q2[s].hidden)shown.push(q2[s].id);
    for(var t=0;t<ix.length;t++)rows.push(ix[t].cells[0].textContent);
    r.search.push({words:words,lines:visible("table.ov tr.f"),sections:visible("section.ck"),
      articles:shown.length,first:shown.slice(0,20),index:rows.slice(0,20),status:fn.textContent});
  });
  fq.value="";apply();
  // &go=anchor: a link to a claim or article not laid out yet.
  var go=/[#&]go=([^&]*)/.exec(location.hash);
  if(go)reveal(decodeURIComponent(go[1]),function(found){
    r.go={found:!!found,text:found?found.textContent:"",shown:!!found&&found.offsetParent!==null};
    write();
  });
  function column(sel,col){var out=[],rs=d.querySelectorAll(sel+" tbody tr");for(var i=0;i<rs.length;i++)out.push(rs[i].cells[col].textContent);return out;}
  var th=d.querySelector("table.ot thead th:nth-child(3)");
  if(th){
    r.sort={before:column("table.ot",0)};
    th.click();r.sort.ascending=column("table.ot",2);r.sort.first=column("table.ot",0);
    th.click();r.sort.descending=column("table.ot",2);
  }
  var ixth=d.querySelector("table.ix thead th:nth-child(5)");
  if(ixth){ixth.click();ixth.click();r.index={claims:column("table.ix",4).slice(0,20).map(Number),shown:d.querySelectorAll("table.ix tbody tr").length};}
  var wide=[],all=d.body.getElementsByTagName("*"),vw=d.documentElement.clientWidth;
  for(var w=0;w<all.length&&wide.length<5;w++){
    var el=all[w];
    if(el.closest(".tw")||el.closest("svg"))continue;
    var rect=el.getBoundingClientRect();
    if(rect.width&&rect.right>vw+1)wide.push(el.tagName+"."+el.className+" "+Math.round(rect.right));
  }
  r.width={viewport:vw,page:d.documentElement.scrollWidth,wide:wide};
  var svgs=d.querySelectorAll("svg.pv");
  r.svg={plots:svgs.length,matrix:d.querySelectorAll("svg.am").length,
    bars:d.querySelectorAll("svg.pv .dg").length,dissent:d.querySelectorAll("svg.pv .dx").length,
    crosses:d.querySelectorAll("svg.pv .xm").length,bands:d.querySelectorAll("svg.pv .mb").length,
    cells:d.querySelectorAll("svg.am rect").length,
    drawn:[].slice.call(d.querySelectorAll("svg")).filter(function(s){var b=s.getBoundingClientRect();return b.width>50&&b.height>20&&b.right<=vw+1;}).length};
  write();
}
function write(){
  var out=$("selftest");out.textContent=JSON.stringify(r);out.hidden=false;
}
})();
