-- Written by lexer_diff --write-seeds: statements around the lexer's
-- tricky pieces, the mutation test's seeds.
SELECT a, <>+ `*/`'\u0041' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <>+ `*/`'\u0041';
SELECT a, R'\\''\x'-- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R'\\''\x'--;
SELECT a, -- x!<=><<BROADCAST*
@ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -- x!<=><<BROADCAST*
@;
SELECT a, >!> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' >!>;
SELECT a, -- x<->`*/`BROADCAST--5BD--\://<>　bd b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -- x<->`*/`BROADCAST--5BD--\://<>　bd;
SELECT a, ->?/**/%-'\\' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ->?/**/%-'\\';
SELECT a, .BROADCAST b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' .BROADCAST;
SELECT a, :1. _5s/*+ BROADCAST(t) */<>l b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' :1. _5s/*+ BROADCAST(t) */<>l;
SELECT a, -- x`a``b`://5F``SELECT:==-- x>< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -- x`a``b`://5F``SELECT:==-- x><;
SELECT a, ://--<]R"<=>\
 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://--<]R"<=>\
;
SELECT a, 1091.5bd% b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1091.5bd%;
SELECT a, ``1.5bd== b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ``1.5bd==;
SELECT a, 　!><:p`a``b`SELECT b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 　!><:p`a``b`SELECT;
SELECT a, .rfile`a``b`a* b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' .rfile`a``b`a*;
SELECT a, ??1e5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ??1e5;
SELECT a, 1.5bd---/*/||'--'>>>t1,/*{}  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1.5bd---/*/||'--'>>>t1,/*{} ;
SELECT a, >>>--0.25X'1F' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' >>>--0.25X'1F';
SELECT a, ,://--- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ,://---;
SELECT a, 　1E+5~`a``b`,-->---<--r'\' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 　1E+5~`a``b`,-->---<--r'\';
SELECT a, ${v}bd=　|| b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ${v}bd=　||;
SELECT a, R"9 
​÷5L/*+,---R" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R"9 
​÷5L/*+,---R";
SELECT a, 123abc <=><SELECT 2e-3@ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 123abc <=><SELECT 2e-3@;
SELECT a, FROMr'@ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' FROMr'@;
SELECT a, &&/tmp'--' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' &&/tmp'--';
SELECT a, ----\a:: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ----\a::;
SELECT a, t1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' t1;
SELECT a, e-- x=> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' e-- x=>;
SELECT a, /*+ BROADCAST(t) */a5FE"'--' 0.25=> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /*+ BROADCAST(t) */a5FE"'--' 0.25=>;
SELECT a, /**/=-- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /**/=--;
SELECT a,  /* a */5L*1.5bd1E+5 :: t1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  /* a */5L*1.5bd1E+5 :: t1;
SELECT a, 1e5.==`a``b`'\'' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1e5.==`a``b`'\'';
SELECT a, 
 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 
;
SELECT a, R"'a'`*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R"'a'`*/`;
SELECT a,  >&@ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  >&@;
SELECT a, @%/tmp ---\'--' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @%/tmp ---\'--';
SELECT a, :^<=>--\1e5123abc b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' :^<=>--\1e5123abc;
SELECT a, 5F5F: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5F5F:;
SELECT a, :// b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://;
SELECT a, '\x'E<<5sE'\'':p/5FR" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' '\x'E<<5sE'\'':p/5FR";
SELECT a, ://2e-3-- x <>t1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://2e-3-- x <>t1;
SELECT a, < b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <;
SELECT a, '--'  r'r'|| ${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' '--'  r'r'|| ${v};
SELECT a, --\ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\;
SELECT a, FROM5d 5L b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' FROM5d 5L;
SELECT a, 5Y5Y b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5Y5Y;
SELECT a, r'--t1 WHERE/* b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r'--t1 WHERE/*;
SELECT a, FROM--5BD b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' FROM--5BD;
SELECT a, `a``b`1e5*`a``b`||/**/ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' `a``b`1e5*`a``b`||/**/;
SELECT a, r'5F<=>/**/---R] b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r'5F<=>/**/---R];
SELECT a, /*+ BROADCAST(t) */ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /*+ BROADCAST(t) */;
SELECT a, 1.5bd b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1.5bd;
SELECT a, :p^ 5BD b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' :p^ 5BD;
SELECT a, ||=>'*/'------:: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ||=>'*/'------::;
SELECT a, 5d1.5bdl~'\\'d>>><<!=FROM<< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5d1.5bdl~'\\'d>>><<!=FROM<<;
SELECT a, bd b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' bd;
SELECT a, 123abc >>123abc b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 123abc >>123abc;
SELECT a,  '*/'`a``b` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  '*/'`a``b`;
SELECT a,  1e　R  x|| '--\ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  1e　R  x|| '--\;
SELECT a, 5L.^2e-3E&--->>>>1e!> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5L.^2e-3E&--->>>>1e!>;
SELECT a, ${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ${v};
SELECT a,   |.->r b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'   |.->r;
SELECT a, --- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ---;
SELECT a, l b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' l;
SELECT a, R9`a``b` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R9`a``b`;
SELECT a, "x"file== l99 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' "x"file== l99;
SELECT a, RWHERE.5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' RWHERE.5;
SELECT a, ^d1e5 `*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ^d1e5 `*/`;
SELECT a,   r'||l b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'   r'||l;
SELECT a, 0.25 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 0.25;
SELECT a, |${v}!=->/**/10R" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' |${v}!=->/**/10R";
SELECT a, file b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' file;
SELECT a, WHERE '\\' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' WHERE '\\';
SELECT a, ||1e5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ||1e5;
SELECT a, r'\'/*/>>>/*+ BROADCAST(t) *//**/--\`a``b`://_== b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r'\'/*/>>>/*+ BROADCAST(t) *//**/--\`a``b`://_==;
SELECT a, FROM== b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' FROM==;
SELECT a, !<+=>
 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !<+=>
;
SELECT a, -&&5s-- '\'' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -&&5s-- '\'';
SELECT a, -> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ->;
SELECT a, R==--<>1E+5123abc->  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R==--<>1E+5123abc-> ;
SELECT a, _ X'1F' -- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' _ X'1F' --;
SELECT a, 5s b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5s;
SELECT a, /`*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /`*/`;
SELECT a,  r'\'1E+5-123abc=>`a``b`E  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  r'\'1E+5-123abc=>`a``b`E ;
SELECT a, /* a */!>`*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /* a */!>`*/`;
SELECT a, 5Ft1l, b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5Ft1l,;
SELECT a, !> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !>;
SELECT a, ``*,5F/tmp<.'a'
+ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ``*,5F/tmp<.'a'
+;
SELECT a, --\éR b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\éR;
SELECT a, ::/* a */+r b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ::/* a */+r;
SELECT a, !=+ FROM2e-3 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !=+ FROM2e-3;
SELECT a, ,<=> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ,<=>;
SELECT a, _ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' _;
SELECT a, 9&&R b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 9&&R;
SELECT a, 1e5||=>1e5R"X'1F' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1e5||=>1e5R"X'1F';
SELECT a, r' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r';
SELECT a, 1."15F/*+ BROADCAST(t) */:1.5bd.--\:p>>${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1."15F/*+ BROADCAST(t) */:1.5bd.--\:p>>${v};
SELECT a, :p'\''/tmp  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' :p'\''/tmp ;
SELECT a, @/* a */" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @/* a */";
SELECT a, R""x"--\1e ​2e-3 /tmp<< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R""x"--\1e ​2e-3 /tmp<<;
SELECT a, <=>--\ (÷'\u0041'^ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <=>--\ (÷'\u0041'^;
SELECT a, /*+ BROADCAST(t) */l&& b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /*+ BROADCAST(t) */l&&;
SELECT a, @>>1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @>>1;
SELECT a, ``file${v}>><=>r' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ``file${v}>><=>r';
SELECT a, 1.5bd<> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1.5bd<>;
SELECT a, !=5L'\'' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !=5L'\'';
SELECT a, 1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1;
SELECT a, !<'*/'X'1F' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !<'*/'X'1F';
SELECT a, "/*+ BROADCAST(t) */->r :p@ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' "/*+ BROADCAST(t) */->r :p@;
SELECT a, _&&|!>'\u0041' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' _&&|!>'\u0041';
SELECT a, 5d%>R" ${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5d%>R" ${v};
SELECT a, t1" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' t1";
SELECT a, :// b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://;
SELECT a, ?`*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ?`*/`;
SELECT a, BROADCASTa0.251e9r!< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' BROADCASTa0.251e9r!<;
SELECT a,  0.25://% b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  0.25://%;
SELECT a, a b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' a;
SELECT a, 1E+5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1E+5;
SELECT a, `*/` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' `*/`;
SELECT a, .--\_ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' .--\_;
SELECT a, /*
==a**/  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /*
==a**/ ;
SELECT a, -- x${v}**/e5Yd${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -- x${v}**/e5Yd${v};
SELECT a, EX'1F' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' EX'1F';
SELECT a, -- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --;
SELECT a, --\@ 5L<=>1E+5<=> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\@ 5L<=>1E+5<=>;
SELECT a, > b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' >;
SELECT a, <=>'\u0041'<> '\\''\\'1e b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <=>'\u0041'<> '\\''\\'1e;
SELECT a, 'a' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 'a';
SELECT a, 5LSELECT:: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5LSELECT::;
SELECT a, d b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' d;
SELECT a, 　'a'10R&& b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 　'a'10R&&;
SELECT a, 5d'a'bd10
r' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5d'a'bd10
r';
SELECT a, 10~/1. b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 10~/1.;
SELECT a, @/**/-- x--\
-- x~123abc b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @/**/-- x--\
-- x~123abc;
SELECT a, | b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' |;
SELECT a, <=>->'\'' >>>::--\x
 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <=>->'\'' >>>::--\x
;
SELECT a, 5Y'!< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5Y'!<;
SELECT a, R b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R;
SELECT a, 1.5bd!^ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1.5bd!^;
SELECT a, E,.5--\--\`e5F b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' E,.5--\--\`e5F;
SELECT a, 1e'*/'t1R"x: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1e'*/'t1R"x:;
SELECT a, 5s1.5bd　  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5s1.5bd　 ;
SELECT a, --\ '--'-- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\ '--'--;
SELECT a, --\10& b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\10&;
SELECT a, r' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r';
SELECT a, &&?WHERE b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' &&?WHERE;
SELECT a, 1e!=-- x\

-- x.5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1e!=-- x\

-- x.5;
SELECT a, r'\'|| b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r'\'||;
SELECT a,   " b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'   ";
SELECT a, ^->==R" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ^->==R";
SELECT a, e b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' e;
SELECT a, 1-- x.}5d+E},d b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1-- x.}5d+E},d;
SELECT a, 5d b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5d;
SELECT a, 5L::r'<< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5L::r'<<;
SELECT a, <`a``b`>t1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' <`a``b`>t1;
SELECT a, r'\'<>``'*/'*&& b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r'\'<>``'*/'*&&;
SELECT a, FROM5Y== b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' FROM5Y==;
SELECT a, r.1& ``<<9 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' r.1& ``<<9;
SELECT a, 
123abc`a``b` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 
123abc`a``b`;
SELECT a,  123abc  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  123abc ;
SELECT a, `a``b`/**/  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' `a``b`/**/ ;
SELECT a, 5L::@  b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5L::@ ;
SELECT a, X'1F'1.5bd'--'X'1F'1e=>?---*/---é b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' X'1F'1.5bd'--'X'1F'1e=>?---*/---é;
SELECT a, 10_.>> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 10_.>>;
SELECT a, file	>.<> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' file	>.<>;
SELECT a, 0.25 1.5bd &1.&&||R b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 0.25 1.5bd &1.&&||R;
SELECT a, 1.!< b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1.!<;
SELECT a, .${v}+---:pfile/*+ BROADCAST(t) */​]`${v} b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' .${v}+---:pfile/*+ BROADCAST(t) */​]`${v};
SELECT a, --\>'\\' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' --\>'\\';
SELECT a, 	 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 	;
SELECT a, !<- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !<-;
SELECT a, " b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ";
SELECT a, file9E"x""x" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' file9E"x""x";
SELECT a, WHERE${v}
 1E+5^0.25-- x.5-> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' WHERE${v}
 1E+5^0.25-- x.5->;
SELECT a, ://-- x$ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://-- x$;
SELECT a, BROADCAST'\''fileFROM5YFROM-~ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' BROADCAST'\''fileFROM5YFROM-~;
SELECT a, SELECT--+123abc`*/`+ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' SELECT--+123abc`*/`+;
SELECT a, 9`a``b` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 9`a``b`;
SELECT a, 1e5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1e5;
SELECT a, +|@/*+ BROADCAST(t) */: 2e-35Y'\'' X'1F'- b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' +|@/*+ BROADCAST(t) */: 2e-35Y'\'' X'1F'-;
SELECT a,  '\u0041'FROM10<>E>   b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  '\u0041'FROM10<>E>  ;
SELECT a, !_<< /*+ BROADCAST(t) */ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' !_<< /*+ BROADCAST(t) */;
SELECT a, BROADCAST_R" b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' BROADCAST_R";
SELECT a, @ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @;
SELECT a,  /tmpx　--5L^a'\x't1!= b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01'  /tmpx　--5L^a'\x't1!=;
SELECT a, @ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' @;
SELECT a, l b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' l;
SELECT a, ",/tmp::!=5F !=9:// b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ",/tmp::!=5F !=9://;
SELECT a, 5BD1e>>>>>>l`*/` R":: b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 5BD1e>>>>>>l`*/` R"::;
SELECT a, %!< ||&& b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' %!< ||&&;
SELECT a, "x"/://-- x/*+ BROADCAST(t) */ b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' "x"/://-- x/*+ BROADCAST(t) */;
SELECT a, ==FROM b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ==FROM;
SELECT a, :// b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' ://;
SELECT a, /**/1	l?/**/1R b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' /**/1	l?/**/1R;
SELECT a, 1 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1;
SELECT a, '\u0041'X'1F'  .5 b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' '\u0041'X'1F'  .5;
SELECT a, 1"x"bd`a``b`?`` b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' 1"x"bd`a``b`?``;
SELECT a, -'a''\\' --<><><> b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' -'a''\\' --<><><>;
SELECT a, :'--'123abc b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' :'--'123abc;
SELECT a, x'\''|e b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' x'\''|e;
SELECT a, R'\x' b FROM main.sales.transactions WHERE transaction_date >= DATE'2026-11-01' R'\x';
