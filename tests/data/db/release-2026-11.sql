-- A database made by release 2026-11 (the commit before f8bf7e7, tables from create_all,
-- no alembic_version): the HR roster, demo accounts, three store-FAQ documents, a leave
-- request, a chat turn and its feedback. tests/test_schema.py upgrades it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE kb_documents (
	doc_id VARCHAR(128) NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	audience VARCHAR(16) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	current_version INTEGER NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	origin VARCHAR(200), 
	import_hash VARCHAR(64), 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (doc_id)
);
INSERT INTO kb_documents VALUES('faq-app-account-privacy','store_faq','consumer','Haneul app account and privacy',1,0,'chain','77ce4637ea637ef424e44059b437eebee657f447c5b900514bb09b3958c43e82','2026-12-06 12:55:21.835290');
INSERT INTO kb_documents VALUES('faq-branches','store_faq','consumer','Branch locations and phone numbers',1,0,'chain','73dca7ed7d7c9f26f02b7a850531ae3843cce515c019144e9def12155ef9b20c','2026-12-06 12:55:21.894336');
INSERT INTO kb_documents VALUES('faq-delivery','store_faq','consumer','Home delivery',1,0,'chain','05b44bcce6ceb671b2ca364518f32f9e5e8b7ecb0bd54b13241c001739abdd79','2026-12-06 12:55:21.897522');
CREATE TABLE kb_audit (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(120) NOT NULL, 
	action VARCHAR(32) NOT NULL, 
	doc_id VARCHAR(128) NOT NULL, 
	version INTEGER, 
	detail VARCHAR(1000) NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO kb_audit VALUES(1,'2026-12-06 12:55:21.893834','importer','import','faq-app-account-privacy',NULL,'chain');
INSERT INTO kb_audit VALUES(2,'2026-12-06 12:55:21.897151','importer','import','faq-branches',NULL,'chain');
INSERT INTO kb_audit VALUES(3,'2026-12-06 12:55:21.899428','importer','import','faq-delivery',NULL,'chain');
CREATE TABLE kb_revision (
	id INTEGER NOT NULL, 
	revision INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO kb_revision VALUES(1,3);
CREATE TABLE users (
	id INTEGER NOT NULL, 
	username VARCHAR(80) NOT NULL, 
	full_name VARCHAR(120) NOT NULL, 
	hashed_password VARCHAR(255) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	employee_id VARCHAR(16), 
	is_active BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO users VALUES(1,'customer','Demo Customer','$argon2id$v=19$m=65536,t=3,p=4$PyuvcpDVhJANxpwRTu8glA$+hbFnQoTHFerTPk5c85UNEPhij03TDO2DVzcbiQFEhA','consumer',NULL,1,'2026-12-06 12:55:21.286405');
INSERT INTO users VALUES(2,'employee','Demo Employee','$argon2id$v=19$m=65536,t=3,p=4$nAKKrcBOeh7AU12BJOz2FQ$FQQxc4Ajl5STN8hzAl6IzzZx7P/dcz8EGWO2TJ9Mxp8','employee','E0002',1,'2026-12-06 12:55:21.422049');
INSERT INTO users VALUES(3,'manager','Demo Manager','$argon2id$v=19$m=65536,t=3,p=4$41bUf8EIBs0oHRbQwrustg$7FvYdnXSiF8Tb+47I2umUiKq3WyQ5dXDOrE+3yajY58','employee','E0001',1,'2026-12-06 12:55:21.542945');
INSERT INTO users VALUES(4,'pharmacist','Demo Pharmacist','$argon2id$v=19$m=65536,t=3,p=4$cVda1jYku3YReC+C7gMbxA$CbUCFwWEBQmUgSZfpbqHJZH29zgZcb8Kn5jF5r5nIfA','staff','E0003',1,'2026-12-06 12:55:21.681127');
INSERT INTO users VALUES(5,'admin','Demo Admin','$argon2id$v=19$m=65536,t=3,p=4$s0izjDMjymb5UPPvn/7Azw$EWFmmsU6xFxXF8vymB5zGXipbTEqOJjV3nAYKD91PP8','admin',NULL,1,'2026-12-06 12:55:21.825592');
CREATE TABLE chat_turns (
	id VARCHAR(36) NOT NULL, 
	session_id VARCHAR(128) NOT NULL, 
	channel VARCHAR(16) NOT NULL, 
	language VARCHAR(4) NOT NULL, 
	question TEXT NOT NULL, 
	answer TEXT NOT NULL, 
	intent VARCHAR(64), 
	confidence DOUBLE, 
	sources JSON NOT NULL, 
	emergency BOOLEAN NOT NULL, 
	handoff BOOLEAN NOT NULL, 
	gap_reason VARCHAR(32), 
	answered_by VARCHAR(16) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO chat_turns VALUES('turn-1','sess-1','consumer','ko','강남점 몇 시에 닫아요?','(answer)','store_hours',0.93000000000000004884,'[]',0,0,NULL,'assistant','2026-11-20 09:00:00.000000');
CREATE TABLE chat_session_context (
	session_id VARCHAR(128) NOT NULL, 
	person JSON NOT NULL, 
	taking JSON NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (session_id)
);
CREATE TABLE employees (
	employee_id VARCHAR(16) NOT NULL, 
	name_en VARCHAR(120) NOT NULL, 
	name_ko VARCHAR(60) NOT NULL, 
	branch VARCHAR(60) NOT NULL, 
	department VARCHAR(40) NOT NULL, 
	job_role VARCHAR(60) NOT NULL, 
	work_phone VARCHAR(32) NOT NULL, 
	work_email VARCHAR(120) NOT NULL, 
	manager_id VARCHAR(16), 
	hire_date DATE NOT NULL, 
	PRIMARY KEY (employee_id), 
	UNIQUE (work_email), 
	FOREIGN KEY(manager_id) REFERENCES employees (employee_id)
);
INSERT INTO employees VALUES('E0004','Baek Seung-hwan','백승환','Head Office','management','chief executive officer','02-6200-7600','seunghwan.baek@haneul-pharmacy.example',NULL,'2006-03-02');
INSERT INTO employees VALUES('E0005','Shin Seo-jun','신서준','Head Office','pharmacy','head of pharmacy operations','02-6200-7601','seojun.shin@haneul-pharmacy.example','E0004','2025-09-30');
INSERT INTO employees VALUES('E0008','Park Ji-won','박지원','Head Office','hr','hr manager','02-6200-7571','jiwon.park@haneul-pharmacy.example','E0004','2013-11-18');
INSERT INTO employees VALUES('E0019','Seo Jae-hyun','서재현','Head Office','it','privacy officer','02-6200-7590','jaehyun.seo@haneul-pharmacy.example','E0004','2025-08-11');
INSERT INTO employees VALUES('E0020','Baek Jae-won','백재원','Head Office','finance','finance manager','02-6200-7608','jaewon.baek@haneul-pharmacy.example','E0004','2017-07-31');
INSERT INTO employees VALUES('E0032','Hong Sun-woo','홍선우','Head Office','it','it manager','02-6200-7620','sunwoo.hong@haneul-pharmacy.example','E0004','2021-06-07');
INSERT INTO employees VALUES('E0046','Noh Min-jae','노민재','Head Office','logistics','logistics manager','02-6200-7634','minjae.noh@haneul-pharmacy.example','E0004','2010-04-08');
INSERT INTO employees VALUES('E0067','Kim Ha-yoon','김하윤','Head Office','marketing','marketing manager','02-6200-7655','hayoon.kim@haneul-pharmacy.example','E0004','2022-01-24');
INSERT INTO employees VALUES('E0077','Son Na-yeon','손나연','Head Office','customer service','customer service manager','02-6200-7665','nayeon.son@haneul-pharmacy.example','E0004','2021-01-11');
INSERT INTO employees VALUES('E0006','Park Eun-ji','박은지','Head Office','pharmacy','area manager','02-6200-7602','eunji.park@haneul-pharmacy.example','E0005','2021-01-13');
INSERT INTO employees VALUES('E0007','Lee Su-bin','이수빈','Head Office','pharmacy','area manager','02-6200-7603','subin.lee@haneul-pharmacy.example','E0005','2016-02-23');
INSERT INTO employees VALUES('E0009','Kim Seo-yeon','김서연','Head Office','hr','leave and attendance specialist','02-6200-7572','seoyeon.kim@haneul-pharmacy.example','E0008','2022-12-05');
INSERT INTO employees VALUES('E0010','Lee Min-jun','이민준','Head Office','hr','payroll specialist','02-6200-7573','minjun.lee@haneul-pharmacy.example','E0008','2021-06-28');
INSERT INTO employees VALUES('E0011','Choi Yu-na','최유나','Head Office','hr','benefits specialist','02-6200-7574','yuna.choi@haneul-pharmacy.example','E0008','2020-03-06');
INSERT INTO employees VALUES('E0012','Han Dong-hyun','한동현','Head Office','hr','education specialist','02-6200-7575','donghyun.han@haneul-pharmacy.example','E0008','2016-03-04');
INSERT INTO employees VALUES('E0013','Oh Ha-eun','오하은','Head Office','hr','recruiter','02-6200-7576','haeun.oh@haneul-pharmacy.example','E0008','2022-05-11');
INSERT INTO employees VALUES('E0014','Jung Soo-min','정수민','Head Office','hr','employee relations specialist','02-6200-7580','soomin.jung@haneul-pharmacy.example','E0008','2021-08-24');
INSERT INTO employees VALUES('E0015','Song Chae-won','송채원','Head Office','hr','hr specialist','02-6200-7604','chaewon.song@haneul-pharmacy.example','E0008','2020-11-23');
INSERT INTO employees VALUES('E0016','Lee Ji-won','이지원','Head Office','hr','hr specialist','02-6200-7605','jiwon.lee@haneul-pharmacy.example','E0008','2018-03-13');
INSERT INTO employees VALUES('E0017','Kim Hye-jin','김혜진','Head Office','hr','hr specialist','02-6200-7606','hyejin.kim@haneul-pharmacy.example','E0008','2021-04-26');
INSERT INTO employees VALUES('E0018','Kim Mi-young','김미영','Head Office','hr','hr specialist','02-6200-7607','miyoung.kim@haneul-pharmacy.example','E0008','2016-10-27');
INSERT INTO employees VALUES('E0021','Jung Ye-rin','정예린','Head Office','finance','accountant','02-6200-7609','yerin.jung@haneul-pharmacy.example','E0020','2013-03-04');
INSERT INTO employees VALUES('E0022','Song Su-bin','송수빈','Head Office','finance','accountant','02-6200-7610','subin.song@haneul-pharmacy.example','E0020','2025-03-17');
INSERT INTO employees VALUES('E0023','Jeon Ha-jun','전하준','Head Office','finance','accountant','02-6200-7611','hajun.jeon@haneul-pharmacy.example','E0020','2024-05-08');
INSERT INTO employees VALUES('E0024','Lee Young-ho','이영호','Head Office','finance','accountant','02-6200-7612','youngho.lee@haneul-pharmacy.example','E0020','2019-01-02');
INSERT INTO employees VALUES('E0025','Seo Eun-ji','서은지','Head Office','finance','accountant','02-6200-7613','eunji.seo@haneul-pharmacy.example','E0020','2022-04-18');
INSERT INTO employees VALUES('E0026','Kim Ju-won','김주원','Head Office','finance','accountant','02-6200-7614','juwon.kim@haneul-pharmacy.example','E0020','2019-05-15');
INSERT INTO employees VALUES('E0027','Bae Ji-hoo','배지후','Head Office','finance','accountant','02-6200-7615','jihoo.bae@haneul-pharmacy.example','E0020','2015-05-20');
INSERT INTO employees VALUES('E0028','Lee Ye-rin','이예린','Head Office','finance','financial analyst','02-6200-7616','yerin.lee@haneul-pharmacy.example','E0020','2014-11-26');
INSERT INTO employees VALUES('E0029','Kim Jin-woo','김진우','Head Office','finance','financial analyst','02-6200-7617','jinwoo.kim@haneul-pharmacy.example','E0020','2016-06-13');
INSERT INTO employees VALUES('E0030','Lee Jae-won','이재원','Head Office','finance','financial analyst','02-6200-7618','jaewon.lee@haneul-pharmacy.example','E0020','2021-11-01');
INSERT INTO employees VALUES('E0031','Lee Ga-eun','이가은','Head Office','finance','financial analyst','02-6200-7619','gaeun.lee@haneul-pharmacy.example','E0020','2016-02-01');
INSERT INTO employees VALUES('E0033','Kang Jae-hyun','강재현','Head Office','it','software engineer','02-6200-7621','jaehyun.kang@haneul-pharmacy.example','E0032','2024-07-01');
INSERT INTO employees VALUES('E0034','Kang Seo-yoon','강서윤','Head Office','it','software engineer','02-6200-7622','seoyoon.kang@haneul-pharmacy.example','E0032','2019-04-29');
INSERT INTO employees VALUES('E0035','Lee Sang-woo','이상우','Head Office','it','software engineer','02-6200-7623','sangwoo.lee@haneul-pharmacy.example','E0032','2022-11-04');
INSERT INTO employees VALUES('E0036','Moon Ji-won','문지원','Head Office','it','software engineer','02-6200-7624','jiwon.moon@haneul-pharmacy.example','E0032','2014-10-31');
INSERT INTO employees VALUES('E0037','Kim Jae-hyun','김재현','Head Office','it','software engineer','02-6200-7625','jaehyun.kim@haneul-pharmacy.example','E0032','2023-11-24');
INSERT INTO employees VALUES('E0038','Kwon Eun-ji','권은지','Head Office','it','software engineer','02-6200-7626','eunji.kwon@haneul-pharmacy.example','E0032','2014-04-14');
INSERT INTO employees VALUES('E0039','Park Ye-rin','박예린','Head Office','it','it support specialist','02-6200-7627','yerin.park@haneul-pharmacy.example','E0032','2020-04-20');
INSERT INTO employees VALUES('E0040','Lee Soo-min','이수민','Head Office','it','it support specialist','02-6200-7628','soomin.lee@haneul-pharmacy.example','E0032','2019-06-25');
INSERT INTO employees VALUES('E0041','Heo Min-jae','허민재','Head Office','it','it support specialist','02-6200-7629','minjae.heo@haneul-pharmacy.example','E0032','2026-02-26');
INSERT INTO employees VALUES('E0042','Jung Sung-min','정성민','Head Office','it','it support specialist','02-6200-7630','sungmin.jung@haneul-pharmacy.example','E0032','2021-08-05');
INSERT INTO employees VALUES('E0043','Lee Geon-woo','이건우','Head Office','it','it support specialist','02-6200-7631','geonwoo.lee@haneul-pharmacy.example','E0032','2023-08-21');
INSERT INTO employees VALUES('E0044','Kang Su-ah','강수아','Head Office','it','data analyst','02-6200-7632','suah.kang@haneul-pharmacy.example','E0032','2024-09-23');
INSERT INTO employees VALUES('E0045','Kwon Seung-min','권승민','Head Office','it','data analyst','02-6200-7633','seungmin.kwon@haneul-pharmacy.example','E0032','2025-08-08');
INSERT INTO employees VALUES('E0047','Kim Ha-jun','김하준','Head Office','logistics','warehouse associate','02-6200-7635','hajun.kim@haneul-pharmacy.example','E0046','2020-07-27');
INSERT INTO employees VALUES('E0048','Park Ji-woo','박지우','Head Office','logistics','warehouse associate','02-6200-7636','jiwoo.park@haneul-pharmacy.example','E0046','2019-06-28');
INSERT INTO employees VALUES('E0049','Kim Ye-rin','김예린','Head Office','logistics','warehouse associate','02-6200-7637','yerin.kim@haneul-pharmacy.example','E0046','2015-03-02');
INSERT INTO employees VALUES('E0050','Park Seo-yeon','박서연','Head Office','logistics','warehouse associate','02-6200-7638','seoyeon.park@haneul-pharmacy.example','E0046','2021-07-26');
INSERT INTO employees VALUES('E0051','Cho Seung-min','조승민','Head Office','logistics','warehouse associate','02-6200-7639','seungmin.cho@haneul-pharmacy.example','E0046','2018-05-22');
INSERT INTO employees VALUES('E0052','Kim Seo-yoon','김서윤','Head Office','logistics','warehouse associate','02-6200-7640','seoyoon.kim@haneul-pharmacy.example','E0046','2025-03-10');
INSERT INTO employees VALUES('E0053','Lim Ye-jin','임예진','Head Office','logistics','warehouse associate','02-6200-7641','yejin.lim@haneul-pharmacy.example','E0046','2021-09-03');
INSERT INTO employees VALUES('E0054','Kwon Ha-yoon','권하윤','Head Office','logistics','warehouse associate','02-6200-7642','hayoon.kwon@haneul-pharmacy.example','E0046','2014-01-27');
INSERT INTO employees VALUES('E0055','Ko Ye-rin','고예린','Head Office','logistics','warehouse associate','02-6200-7643','yerin.ko@haneul-pharmacy.example','E0046','2021-02-10');
INSERT INTO employees VALUES('E0056','Kim Seo-jun','김서준','Head Office','logistics','warehouse associate','02-6200-7644','seojun.kim@haneul-pharmacy.example','E0046','2017-12-12');
INSERT INTO employees VALUES('E0057','Lee Seo-hyun','이서현','Head Office','logistics','warehouse associate','02-6200-7645','seohyun.lee@haneul-pharmacy.example','E0046','2019-02-26');
INSERT INTO employees VALUES('E0058','Lee Hyun-jun','이현준','Head Office','logistics','warehouse associate','02-6200-7646','hyunjun.lee@haneul-pharmacy.example','E0046','2022-02-07');
INSERT INTO employees VALUES('E0059','Cho Seo-ah','조서아','Head Office','logistics','delivery coordinator','02-6200-7647','seoah.cho@haneul-pharmacy.example','E0046','2020-10-02');
INSERT INTO employees VALUES('E0060','Kim Sun-woo','김선우','Head Office','logistics','delivery coordinator','02-6200-7648','sunwoo.kim@haneul-pharmacy.example','E0046','2016-04-04');
INSERT INTO employees VALUES('E0061','Kim Yoon-seo','김윤서','Head Office','logistics','delivery coordinator','02-6200-7649','yoonseo.kim@haneul-pharmacy.example','E0046','2022-04-18');
INSERT INTO employees VALUES('E0062','Kim Yu-na','김유나','Head Office','logistics','delivery coordinator','02-6200-7650','yuna.kim@haneul-pharmacy.example','E0046','2022-10-05');
INSERT INTO employees VALUES('E0063','Lee Sung-min','이성민','Head Office','logistics','delivery coordinator','02-6200-7651','sungmin.lee@haneul-pharmacy.example','E0046','2026-06-15');
INSERT INTO employees VALUES('E0064','Seo Do-yun','서도윤','Head Office','logistics','buyer','02-6200-7652','doyun.seo@haneul-pharmacy.example','E0046','2023-01-31');
INSERT INTO employees VALUES('E0065','Lee Ji-woo','이지우','Head Office','logistics','buyer','02-6200-7653','jiwoo.lee@haneul-pharmacy.example','E0046','2020-06-15');
INSERT INTO employees VALUES('E0066','Jung Seo-ah','정서아','Head Office','logistics','buyer','02-6200-7654','seoah.jung@haneul-pharmacy.example','E0046','2019-12-20');
INSERT INTO employees VALUES('E0068','Yoon Do-yun','윤도윤','Head Office','marketing','marketing specialist','02-6200-7656','doyun.yoon@haneul-pharmacy.example','E0067','2014-11-10');
INSERT INTO employees VALUES('E0069','Lee Bo-ram','이보람','Head Office','marketing','marketing specialist','02-6200-7657','boram.lee@haneul-pharmacy.example','E0067','2014-07-11');
INSERT INTO employees VALUES('E0070','Kim Ha-eun','김하은','Head Office','marketing','marketing specialist','02-6200-7658','haeun.kim@haneul-pharmacy.example','E0067','2025-05-05');
INSERT INTO employees VALUES('E0071','Lee Chae-won','이채원','Head Office','marketing','marketing specialist','02-6200-7659','chaewon.lee@haneul-pharmacy.example','E0067','2023-12-11');
INSERT INTO employees VALUES('E0072','Kim Ye-jun','김예준','Head Office','marketing','marketing specialist','02-6200-7660','yejun.kim@haneul-pharmacy.example','E0067','2023-09-20');
INSERT INTO employees VALUES('E0073','Jeon Eun-ji','전은지','Head Office','marketing','marketing specialist','02-6200-7661','eunji.jeon@haneul-pharmacy.example','E0067','2016-05-09');
INSERT INTO employees VALUES('E0074','Jung Tae-hyun','정태현','Head Office','marketing','designer','02-6200-7662','taehyun.jung@haneul-pharmacy.example','E0067','2021-08-13');
INSERT INTO employees VALUES('E0075','Kim Ye-jin','김예진','Head Office','marketing','designer','02-6200-7663','yejin.kim@haneul-pharmacy.example','E0067','2019-02-25');
INSERT INTO employees VALUES('E0076','Lee Seung-min','이승민','Head Office','marketing','designer','02-6200-7664','seungmin.lee@haneul-pharmacy.example','E0067','2016-07-21');
INSERT INTO employees VALUES('E0078','Park Sang-woo','박상우','Head Office','customer service','customer service agent','02-6200-7666','sangwoo.park@haneul-pharmacy.example','E0077','2018-03-13');
INSERT INTO employees VALUES('E0079','Kim Da-eun','김다은','Head Office','customer service','customer service agent','02-6200-7667','daeun.kim@haneul-pharmacy.example','E0077','2014-07-23');
INSERT INTO employees VALUES('E0080','Heo Da-eun','허다은','Head Office','customer service','customer service agent','02-6200-7668','daeun.heo@haneul-pharmacy.example','E0077','2017-06-20');
INSERT INTO employees VALUES('E0081','Park Na-yeon','박나연','Head Office','customer service','customer service agent','02-6200-7669','nayeon.park@haneul-pharmacy.example','E0077','2018-03-26');
INSERT INTO employees VALUES('E0082','Hong Geon-woo','홍건우','Head Office','customer service','customer service agent','02-6200-7670','geonwoo.hong@haneul-pharmacy.example','E0077','2015-09-18');
INSERT INTO employees VALUES('E0083','Lee Min-seo','이민서','Head Office','customer service','customer service agent','02-6200-7671','minseo.lee@haneul-pharmacy.example','E0077','2017-06-22');
INSERT INTO employees VALUES('E0084','Seo Hyun-jun','서현준','Head Office','customer service','customer service agent','02-6200-7672','hyunjun.seo@haneul-pharmacy.example','E0077','2025-09-23');
INSERT INTO employees VALUES('E0085','Lim Su-ah','임수아','Head Office','customer service','customer service agent','02-6200-7673','suah.lim@haneul-pharmacy.example','E0077','2021-08-18');
INSERT INTO employees VALUES('E0086','Baek Ha-jun','백하준','Head Office','customer service','customer service agent','02-6200-7674','hajun.baek@haneul-pharmacy.example','E0077','2023-12-05');
INSERT INTO employees VALUES('E0087','Lee Ha-jun','이하준','Head Office','customer service','customer service agent','02-6200-7675','hajun.lee@haneul-pharmacy.example','E0077','2025-02-17');
INSERT INTO employees VALUES('E0088','Jang Ga-eun','장가은','Head Office','customer service','customer service agent','02-6200-7676','gaeun.jang@haneul-pharmacy.example','E0077','2024-09-25');
INSERT INTO employees VALUES('E0089','Han Yu-na','한유나','Head Office','customer service','customer service agent','02-6200-7677','yuna.han@haneul-pharmacy.example','E0077','2016-10-19');
INSERT INTO employees VALUES('E0090','Moon Min-jae','문민재','Head Office','customer service','customer service agent','02-6200-7678','minjae.moon@haneul-pharmacy.example','E0077','2022-06-28');
INSERT INTO employees VALUES('E0091','Park Mi-young','박미영','Head Office','customer service','customer service agent','02-6200-7679','miyoung.park@haneul-pharmacy.example','E0077','2018-08-31');
INSERT INTO employees VALUES('E0092','Yoon Jin-woo','윤진우','Head Office','customer service','team lead','02-6200-7680','jinwoo.yoon@haneul-pharmacy.example','E0077','2022-06-01');
INSERT INTO employees VALUES('E0093','Lee Si-woo','이시우','Head Office','customer service','team lead','02-6200-7681','siwoo.lee@haneul-pharmacy.example','E0077','2016-08-04');
INSERT INTO employees VALUES('E0001','Kang Min-ho','강민호','Gangnam','pharmacy','store manager','02-3452-1101','minho.kang@haneul-pharmacy.example','E0006','2014-03-03');
INSERT INTO employees VALUES('E0111','Park Tae-hyun','박태현','Jongno','pharmacy','store manager','02-2267-1201','taehyun.park@haneul-pharmacy.example','E0006','2024-01-08');
INSERT INTO employees VALUES('E0122','Lee Seo-yeon','이서연','Hongdae','pharmacy','store manager','02-3142-1301','seoyeon.lee@haneul-pharmacy.example','E0006','2012-12-17');
INSERT INTO employees VALUES('E0141','Choi Min-jae','최민재','Jamsil','pharmacy','store manager','02-2143-1401','minjae.choi@haneul-pharmacy.example','E0006','2013-12-09');
INSERT INTO employees VALUES('E0153','Kwon Sung-min','권성민','Yeouido','pharmacy','store manager','02-783-1501','sungmin.kwon@haneul-pharmacy.example','E0006','2021-12-13');
INSERT INTO employees VALUES('E0165','Kim Ji-ho','김지호','Busan Seomyeon','pharmacy','store manager','051-806-1601','jiho.kim@haneul-pharmacy.example','E0007','2015-12-30');
INSERT INTO employees VALUES('E0184','Jung Su-bin','정수빈','Busan Haeundae','pharmacy','store manager','051-742-1701','subin.jung@haneul-pharmacy.example','E0007','2014-11-03');
INSERT INTO employees VALUES('E0196','Seo Hye-won','서혜원','Daegu Dongseongro','pharmacy','store manager','053-252-1801','hyewon.seo@haneul-pharmacy.example','E0007','2018-12-11');
INSERT INTO employees VALUES('E0208','Jang Si-woo','장시우','Incheon Songdo','pharmacy','store manager','032-858-1901','siwoo.jang@haneul-pharmacy.example','E0006','2022-04-13');
INSERT INTO employees VALUES('E0094','Choi Min-ho','최민호','Gangnam','pharmacy','pharmacist in charge','02-3452-1102','minho.choi@haneul-pharmacy.example','E0001','2015-04-28');
INSERT INTO employees VALUES('E0095','Jung Ji-hye','정지혜','Gangnam','pharmacy','pharmacist','02-3452-1103','jihye.jung@haneul-pharmacy.example','E0001','2016-07-04');
INSERT INTO employees VALUES('E0096','Jang Sung-min','장성민','Gangnam','pharmacy','pharmacist','02-3452-1104','sungmin.jang@haneul-pharmacy.example','E0001','2020-05-08');
INSERT INTO employees VALUES('E0097','Kim Ji-hye','김지혜','Gangnam','pharmacy','pharmacist','02-3452-1105','jihye.kim@haneul-pharmacy.example','E0001','2017-05-02');
INSERT INTO employees VALUES('E0098','Park Young-ho','박영호','Gangnam','pharmacy','pharmacist','02-3452-1106','youngho.park@haneul-pharmacy.example','E0001','2015-04-14');
INSERT INTO employees VALUES('E0099','Yang Ji-won','양지원','Gangnam','pharmacy','pharmacist','02-3452-1107','jiwon.yang@haneul-pharmacy.example','E0001','2023-09-25');
INSERT INTO employees VALUES('E0100','Park Min-seo','박민서','Gangnam','pharmacy','pharmacist','02-3452-1108','minseo.park@haneul-pharmacy.example','E0001','2017-03-13');
INSERT INTO employees VALUES('E0002','Yoon Seo-ah','윤서아','Gangnam','pharmacy','pharmacy technician','02-3452-1109','seoah.yoon@haneul-pharmacy.example','E0001','2021-03-02');
INSERT INTO employees VALUES('E0101','Yang Hyun-woo','양현우','Gangnam','pharmacy','pharmacy technician','02-3452-1110','hyunwoo.yang@haneul-pharmacy.example','E0001','2022-08-29');
INSERT INTO employees VALUES('E0102','Kwon Ji-woo','권지우','Gangnam','pharmacy','pharmacy technician','02-3452-1111','jiwoo.kwon@haneul-pharmacy.example','E0001','2019-12-30');
INSERT INTO employees VALUES('E0103','Lim Ji-ho','임지호','Gangnam','pharmacy','pharmacy technician','02-3452-1112','jiho.lim@haneul-pharmacy.example','E0001','2026-04-24');
INSERT INTO employees VALUES('E0104','Kim Chae-won','김채원','Gangnam','pharmacy','pharmacy technician','02-3452-1113','chaewon.kim@haneul-pharmacy.example','E0001','2016-07-18');
INSERT INTO employees VALUES('E0105','Bae Chae-won','배채원','Gangnam','pharmacy','cashier','02-3452-1114','chaewon.bae@haneul-pharmacy.example','E0001','2022-01-04');
INSERT INTO employees VALUES('E0106','Kim Soo-min','김수민','Gangnam','pharmacy','cashier','02-3452-1115','soomin.kim@haneul-pharmacy.example','E0001','2026-02-11');
INSERT INTO employees VALUES('E0107','Yoon Bo-ram','윤보람','Gangnam','pharmacy','cashier','02-3452-1116','boram.yoon@haneul-pharmacy.example','E0001','2025-01-07');
INSERT INTO employees VALUES('E0108','Kim Ji-min','김지민','Gangnam','pharmacy','cashier','02-3452-1117','jimin.kim@haneul-pharmacy.example','E0001','2023-11-02');
INSERT INTO employees VALUES('E0109','Jung Si-woo','정시우','Gangnam','pharmacy','cashier','02-3452-1118','siwoo.jung@haneul-pharmacy.example','E0001','2025-10-30');
INSERT INTO employees VALUES('E0110','Lee Ye-jin','이예진','Gangnam','pharmacy','cashier','02-3452-1119','yejin.lee@haneul-pharmacy.example','E0001','2015-11-30');
INSERT INTO employees VALUES('E0112','Jung Ha-eun','정하은','Jongno','pharmacy','pharmacist in charge','02-2267-1202','haeun.jung@haneul-pharmacy.example','E0111','2023-11-27');
INSERT INTO employees VALUES('E0003','Jang Ha-jun','장하준','Jongno','pharmacy','pharmacist','02-2267-1203','hajun.jang@haneul-pharmacy.example','E0111','2023-07-03');
INSERT INTO employees VALUES('E0113','Lee Ji-hoo','이지후','Jongno','pharmacy','pharmacist','02-2267-1204','jihoo.lee@haneul-pharmacy.example','E0111','2022-08-15');
INSERT INTO employees VALUES('E0114','Kim Su-ah','김수아','Jongno','pharmacy','pharmacist','02-2267-1205','suah.kim@haneul-pharmacy.example','E0111','2026-06-30');
INSERT INTO employees VALUES('E0115','Lim Seo-yeon','임서연','Jongno','pharmacy','pharmacy technician','02-2267-1206','seoyeon.lim@haneul-pharmacy.example','E0111','2019-08-05');
INSERT INTO employees VALUES('E0116','Lim Bo-ram','임보람','Jongno','pharmacy','pharmacy technician','02-2267-1207','boram.lim@haneul-pharmacy.example','E0111','2024-09-30');
INSERT INTO employees VALUES('E0117','Park Su-bin','박수빈','Jongno','pharmacy','pharmacy technician','02-2267-1208','subin.park@haneul-pharmacy.example','E0111','2015-10-19');
INSERT INTO employees VALUES('E0118','Hwang Hyun-jun','황현준','Jongno','pharmacy','cashier','02-2267-1209','hyunjun.hwang@haneul-pharmacy.example','E0111','2021-06-14');
INSERT INTO employees VALUES('E0119','Kim Hyun-woo','김현우','Jongno','pharmacy','cashier','02-2267-1210','hyunwoo.kim@haneul-pharmacy.example','E0111','2019-04-11');
INSERT INTO employees VALUES('E0120','Yoon Seung-min','윤승민','Jongno','pharmacy','cashier','02-2267-1211','seungmin.yoon@haneul-pharmacy.example','E0111','2017-09-25');
INSERT INTO employees VALUES('E0121','Cho Ju-won','조주원','Jongno','pharmacy','cashier','02-2267-1212','juwon.cho@haneul-pharmacy.example','E0111','2026-06-01');
INSERT INTO employees VALUES('E0123','Choi Woo-jin','최우진','Hongdae','pharmacy','pharmacist in charge','02-3142-1302','woojin.choi@haneul-pharmacy.example','E0122','2016-11-17');
INSERT INTO employees VALUES('E0124','Jung Min-jun','정민준','Hongdae','pharmacy','pharmacist','02-3142-1303','minjun.jung@haneul-pharmacy.example','E0122','2026-01-20');
INSERT INTO employees VALUES('E0125','Choi Jin-woo','최진우','Hongdae','pharmacy','pharmacist','02-3142-1304','jinwoo.choi@haneul-pharmacy.example','E0122','2022-03-01');
INSERT INTO employees VALUES('E0126','Lim Ye-rin','임예린','Hongdae','pharmacy','pharmacist','02-3142-1305','yerin.lim@haneul-pharmacy.example','E0122','2022-06-23');
INSERT INTO employees VALUES('E0127','Seo Sung-min','서성민','Hongdae','pharmacy','pharmacist','02-3142-1306','sungmin.seo@haneul-pharmacy.example','E0122','2021-10-14');
INSERT INTO employees VALUES('E0128','Jeon Tae-hyun','전태현','Hongdae','pharmacy','pharmacist','02-3142-1307','taehyun.jeon@haneul-pharmacy.example','E0122','2018-08-27');
INSERT INTO employees VALUES('E0129','Jung Mi-young','정미영','Hongdae','pharmacy','pharmacist','02-3142-1308','miyoung.jung@haneul-pharmacy.example','E0122','2015-11-25');
INSERT INTO employees VALUES('E0130','Yoon Hye-won','윤혜원','Hongdae','pharmacy','pharmacy technician','02-3142-1309','hyewon.yoon@haneul-pharmacy.example','E0122','2021-06-28');
INSERT INTO employees VALUES('E0131','Kang Do-yun','강도윤','Hongdae','pharmacy','pharmacy technician','02-3142-1310','doyun.kang@haneul-pharmacy.example','E0122','2026-07-10');
INSERT INTO employees VALUES('E0132','Lim Ji-hoo','임지후','Hongdae','pharmacy','pharmacy technician','02-3142-1311','jihoo.lim@haneul-pharmacy.example','E0122','2026-03-16');
INSERT INTO employees VALUES('E0133','Lee Ye-jun','이예준','Hongdae','pharmacy','pharmacy technician','02-3142-1312','yejun.lee@haneul-pharmacy.example','E0122','2015-02-09');
INSERT INTO employees VALUES('E0134','Moon Ga-eun','문가은','Hongdae','pharmacy','pharmacy technician','02-3142-1313','gaeun.moon@haneul-pharmacy.example','E0122','2023-04-28');
INSERT INTO employees VALUES('E0135','Jang Min-jun','장민준','Hongdae','pharmacy','cashier','02-3142-1314','minjun.jang@haneul-pharmacy.example','E0122','2016-05-30');
INSERT INTO employees VALUES('E0136','Bae Min-jae','배민재','Hongdae','pharmacy','cashier','02-3142-1315','minjae.bae@haneul-pharmacy.example','E0122','2020-03-02');
INSERT INTO employees VALUES('E0137','Kang Yu-na','강유나','Hongdae','pharmacy','cashier','02-3142-1316','yuna.kang@haneul-pharmacy.example','E0122','2022-01-20');
INSERT INTO employees VALUES('E0138','Kim Dong-hyun','김동현','Hongdae','pharmacy','cashier','02-3142-1317','donghyun.kim@haneul-pharmacy.example','E0122','2015-05-04');
INSERT INTO employees VALUES('E0139','Lee Jin-woo','이진우','Hongdae','pharmacy','cashier','02-3142-1318','jinwoo.lee@haneul-pharmacy.example','E0122','2016-07-28');
INSERT INTO employees VALUES('E0140','Cho Ha-jun','조하준','Hongdae','pharmacy','cashier','02-3142-1319','hajun.cho@haneul-pharmacy.example','E0122','2026-08-31');
INSERT INTO employees VALUES('E0142','Lee Ji-min','이지민','Jamsil','pharmacy','pharmacist in charge','02-2143-1402','jimin.lee@haneul-pharmacy.example','E0141','2018-09-04');
INSERT INTO employees VALUES('E0143','Jung Dong-hyun','정동현','Jamsil','pharmacy','pharmacist','02-2143-1403','donghyun.jung@haneul-pharmacy.example','E0141','2023-10-02');
INSERT INTO employees VALUES('E0144','Han Ye-jun','한예준','Jamsil','pharmacy','pharmacist','02-2143-1404','yejun.han@haneul-pharmacy.example','E0141','2017-03-03');
INSERT INTO employees VALUES('E0145','Lee Ha-yoon','이하윤','Jamsil','pharmacy','pharmacist','02-2143-1405','hayoon.lee@haneul-pharmacy.example','E0141','2018-06-08');
INSERT INTO employees VALUES('E0146','Cho Hye-jin','조혜진','Jamsil','pharmacy','pharmacy technician','02-2143-1406','hyejin.cho@haneul-pharmacy.example','E0141','2020-06-08');
INSERT INTO employees VALUES('E0147','Shin Seo-yoon','신서윤','Jamsil','pharmacy','pharmacy technician','02-2143-1407','seoyoon.shin@haneul-pharmacy.example','E0141','2020-03-12');
INSERT INTO employees VALUES('E0148','Choi Jae-won','최재원','Jamsil','pharmacy','pharmacy technician','02-2143-1408','jaewon.choi@haneul-pharmacy.example','E0141','2025-11-12');
INSERT INTO employees VALUES('E0149','Kwon Min-jae','권민재','Jamsil','pharmacy','cashier','02-2143-1409','minjae.kwon@haneul-pharmacy.example','E0141','2015-04-14');
INSERT INTO employees VALUES('E0150','Lee Da-eun','이다은','Jamsil','pharmacy','cashier','02-2143-1410','daeun.lee@haneul-pharmacy.example','E0141','2023-08-15');
INSERT INTO employees VALUES('E0151','Kim Hye-won','김혜원','Jamsil','pharmacy','cashier','02-2143-1411','hyewon.kim@haneul-pharmacy.example','E0141','2018-02-26');
INSERT INTO employees VALUES('E0152','Lim Ji-hye','임지혜','Jamsil','pharmacy','cashier','02-2143-1412','jihye.lim@haneul-pharmacy.example','E0141','2016-03-07');
INSERT INTO employees VALUES('E0154','Kim Tae-hyun','김태현','Yeouido','pharmacy','pharmacist in charge','02-783-1502','taehyun.kim@haneul-pharmacy.example','E0153','2025-03-24');
INSERT INTO employees VALUES('E0155','Kim Jun-seo','김준서','Yeouido','pharmacy','pharmacist','02-783-1503','junseo.kim@haneul-pharmacy.example','E0153','2023-05-22');
INSERT INTO employees VALUES('E0156','Jung Na-yeon','정나연','Yeouido','pharmacy','pharmacist','02-783-1504','nayeon.jung@haneul-pharmacy.example','E0153','2024-05-13');
INSERT INTO employees VALUES('E0157','Kang Hyun-jun','강현준','Yeouido','pharmacy','pharmacist','02-783-1505','hyunjun.kang@haneul-pharmacy.example','E0153','2022-07-25');
INSERT INTO employees VALUES('E0158','Shin Ji-woo','신지우','Yeouido','pharmacy','pharmacy technician','02-783-1506','jiwoo.shin@haneul-pharmacy.example','E0153','2015-07-09');
INSERT INTO employees VALUES('E0159','Lee Eun-ji','이은지','Yeouido','pharmacy','pharmacy technician','02-783-1507','eunji.lee@haneul-pharmacy.example','E0153','2015-06-12');
INSERT INTO employees VALUES('E0160','Kang Ji-won','강지원','Yeouido','pharmacy','pharmacy technician','02-783-1508','jiwon.kang@haneul-pharmacy.example','E0153','2017-01-09');
INSERT INTO employees VALUES('E0161','Yang Ha-yoon','양하윤','Yeouido','pharmacy','cashier','02-783-1509','hayoon.yang@haneul-pharmacy.example','E0153','2025-05-29');
INSERT INTO employees VALUES('E0162','Kim Si-woo','김시우','Yeouido','pharmacy','cashier','02-783-1510','siwoo.kim@haneul-pharmacy.example','E0153','2025-05-15');
INSERT INTO employees VALUES('E0163','Park Bo-ram','박보람','Yeouido','pharmacy','cashier','02-783-1511','boram.park@haneul-pharmacy.example','E0153','2015-09-21');
INSERT INTO employees VALUES('E0164','Kim Geon-woo','김건우','Yeouido','pharmacy','cashier','02-783-1512','geonwoo.kim@haneul-pharmacy.example','E0153','2025-04-23');
INSERT INTO employees VALUES('E0166','Kim Ji-won','김지원','Busan Seomyeon','pharmacy','pharmacist in charge','051-806-1602','jiwon.kim@haneul-pharmacy.example','E0165','2020-07-31');
INSERT INTO employees VALUES('E0167','Yang Jung-hoon','양정훈','Busan Seomyeon','pharmacy','pharmacist','051-806-1603','junghoon.yang@haneul-pharmacy.example','E0165','2016-06-09');
INSERT INTO employees VALUES('E0168','Hwang Mi-young','황미영','Busan Seomyeon','pharmacy','pharmacist','051-806-1604','miyoung.hwang@haneul-pharmacy.example','E0165','2021-05-05');
INSERT INTO employees VALUES('E0169','Lee Jun-woo','이준우','Busan Seomyeon','pharmacy','pharmacist','051-806-1605','junwoo.lee@haneul-pharmacy.example','E0165','2020-03-26');
INSERT INTO employees VALUES('E0170','Jung Sang-woo','정상우','Busan Seomyeon','pharmacy','pharmacist','051-806-1606','sangwoo.jung@haneul-pharmacy.example','E0165','2018-08-21');
INSERT INTO employees VALUES('E0171','Ahn Jin-woo','안진우','Busan Seomyeon','pharmacy','pharmacist','051-806-1607','jinwoo.ahn@haneul-pharmacy.example','E0165','2022-05-24');
INSERT INTO employees VALUES('E0172','Ahn Hyun-jun','안현준','Busan Seomyeon','pharmacy','pharmacist','051-806-1608','hyunjun.ahn@haneul-pharmacy.example','E0165','2016-08-10');
INSERT INTO employees VALUES('E0173','Choi Bo-ram','최보람','Busan Seomyeon','pharmacy','pharmacy technician','051-806-1609','boram.choi@haneul-pharmacy.example','E0165','2025-09-08');
INSERT INTO employees VALUES('E0174','Park Hyun-woo','박현우','Busan Seomyeon','pharmacy','pharmacy technician','051-806-1610','hyunwoo.park@haneul-pharmacy.example','E0165','2020-07-13');
INSERT INTO employees VALUES('E0175','Kwon Yoon-seo','권윤서','Busan Seomyeon','pharmacy','pharmacy technician','051-806-1611','yoonseo.kwon@haneul-pharmacy.example','E0165','2016-12-26');
INSERT INTO employees VALUES('E0176','Yang Seo-yoon','양서윤','Busan Seomyeon','pharmacy','pharmacy technician','051-806-1612','seoyoon.yang@haneul-pharmacy.example','E0165','2019-05-20');
INSERT INTO employees VALUES('E0177','Choi Ji-woo','최지우','Busan Seomyeon','pharmacy','pharmacy technician','051-806-1613','jiwoo.choi@haneul-pharmacy.example','E0165','2025-08-06');
INSERT INTO employees VALUES('E0178','Kwon Min-seo','권민서','Busan Seomyeon','pharmacy','cashier','051-806-1614','minseo.kwon@haneul-pharmacy.example','E0165','2020-02-12');
INSERT INTO employees VALUES('E0179','Lee Seo-ah','이서아','Busan Seomyeon','pharmacy','cashier','051-806-1615','seoah.lee@haneul-pharmacy.example','E0165','2023-11-23');
INSERT INTO employees VALUES('E0180','Lim Jung-hoon','임정훈','Busan Seomyeon','pharmacy','cashier','051-806-1616','junghoon.lim@haneul-pharmacy.example','E0165','2021-05-10');
INSERT INTO employees VALUES('E0181','Baek Seo-jun','백서준','Busan Seomyeon','pharmacy','cashier','051-806-1617','seojun.baek@haneul-pharmacy.example','E0165','2020-01-07');
INSERT INTO employees VALUES('E0182','Kim Hyun-jun','김현준','Busan Seomyeon','pharmacy','cashier','051-806-1618','hyunjun.kim@haneul-pharmacy.example','E0165','2020-07-01');
INSERT INTO employees VALUES('E0183','Son Ga-eun','손가은','Busan Seomyeon','pharmacy','cashier','051-806-1619','gaeun.son@haneul-pharmacy.example','E0165','2019-03-07');
INSERT INTO employees VALUES('E0185','Kim Sung-min','김성민','Busan Haeundae','pharmacy','pharmacist in charge','051-742-1702','sungmin.kim@haneul-pharmacy.example','E0184','2017-02-17');
INSERT INTO employees VALUES('E0186','Cho Min-jun','조민준','Busan Haeundae','pharmacy','pharmacist','051-742-1703','minjun.cho@haneul-pharmacy.example','E0184','2018-11-07');
INSERT INTO employees VALUES('E0187','Ko Ga-eun','고가은','Busan Haeundae','pharmacy','pharmacist','051-742-1704','gaeun.ko@haneul-pharmacy.example','E0184','2022-02-24');
INSERT INTO employees VALUES('E0188','Lee Jae-hyun','이재현','Busan Haeundae','pharmacy','pharmacist','051-742-1705','jaehyun.lee@haneul-pharmacy.example','E0184','2016-06-14');
INSERT INTO employees VALUES('E0189','Nam Ha-jun','남하준','Busan Haeundae','pharmacy','pharmacy technician','051-742-1706','hajun.nam@haneul-pharmacy.example','E0184','2019-09-03');
INSERT INTO employees VALUES('E0190','Baek Ye-rin','백예린','Busan Haeundae','pharmacy','pharmacy technician','051-742-1707','yerin.baek@haneul-pharmacy.example','E0184','2018-11-29');
INSERT INTO employees VALUES('E0191','Kim Seo-ah','김서아','Busan Haeundae','pharmacy','pharmacy technician','051-742-1708','seoah.kim@haneul-pharmacy.example','E0184','2023-07-03');
INSERT INTO employees VALUES('E0192','Kwon Chae-won','권채원','Busan Haeundae','pharmacy','cashier','051-742-1709','chaewon.kwon@haneul-pharmacy.example','E0184','2025-01-10');
INSERT INTO employees VALUES('E0193','Yoon Seo-hyun','윤서현','Busan Haeundae','pharmacy','cashier','051-742-1710','seohyun.yoon@haneul-pharmacy.example','E0184','2019-07-05');
INSERT INTO employees VALUES('E0194','Kim Jae-won','김재원','Busan Haeundae','pharmacy','cashier','051-742-1711','jaewon.kim@haneul-pharmacy.example','E0184','2024-01-17');
INSERT INTO employees VALUES('E0195','Choi Ji-hoo','최지후','Busan Haeundae','pharmacy','cashier','051-742-1712','jihoo.choi@haneul-pharmacy.example','E0184','2016-03-29');
INSERT INTO employees VALUES('E0197','Ahn Su-bin','안수빈','Daegu Dongseongro','pharmacy','pharmacist in charge','053-252-1802','subin.ahn@haneul-pharmacy.example','E0196','2018-08-14');
INSERT INTO employees VALUES('E0198','Kim Eun-ji','김은지','Daegu Dongseongro','pharmacy','pharmacist','053-252-1803','eunji.kim@haneul-pharmacy.example','E0196','2017-11-27');
INSERT INTO employees VALUES('E0199','Choi Eun-ji','최은지','Daegu Dongseongro','pharmacy','pharmacist','053-252-1804','eunji.choi@haneul-pharmacy.example','E0196','2021-01-26');
INSERT INTO employees VALUES('E0200','Choi Ye-rin','최예린','Daegu Dongseongro','pharmacy','pharmacist','053-252-1805','yerin.choi@haneul-pharmacy.example','E0196','2022-03-23');
INSERT INTO employees VALUES('E0201','Lim Jae-won','임재원','Daegu Dongseongro','pharmacy','pharmacy technician','053-252-1806','jaewon.lim@haneul-pharmacy.example','E0196','2021-09-20');
INSERT INTO employees VALUES('E0202','Son Soo-min','손수민','Daegu Dongseongro','pharmacy','pharmacy technician','053-252-1807','soomin.son@haneul-pharmacy.example','E0196','2022-05-25');
INSERT INTO employees VALUES('E0203','Kim Seo-hyun','김서현','Daegu Dongseongro','pharmacy','pharmacy technician','053-252-1808','seohyun.kim@haneul-pharmacy.example','E0196','2015-09-30');
INSERT INTO employees VALUES('E0204','Lee Sun-woo','이선우','Daegu Dongseongro','pharmacy','cashier','053-252-1809','sunwoo.lee@haneul-pharmacy.example','E0196','2016-07-01');
INSERT INTO employees VALUES('E0205','Jeon Yoon-seo','전윤서','Daegu Dongseongro','pharmacy','cashier','053-252-1810','yoonseo.jeon@haneul-pharmacy.example','E0196','2018-08-31');
INSERT INTO employees VALUES('E0206','Park Hye-jin','박혜진','Daegu Dongseongro','pharmacy','cashier','053-252-1811','hyejin.park@haneul-pharmacy.example','E0196','2026-08-14');
INSERT INTO employees VALUES('E0207','Choi Sung-min','최성민','Daegu Dongseongro','pharmacy','cashier','053-252-1812','sungmin.choi@haneul-pharmacy.example','E0196','2016-11-01');
INSERT INTO employees VALUES('E0209','Jang Sang-woo','장상우','Incheon Songdo','pharmacy','pharmacist in charge','032-858-1902','sangwoo.jang@haneul-pharmacy.example','E0208','2011-07-27');
INSERT INTO employees VALUES('E0210','Kim Young-ho','김영호','Incheon Songdo','pharmacy','pharmacist','032-858-1903','youngho.kim@haneul-pharmacy.example','E0208','2015-08-10');
INSERT INTO employees VALUES('E0211','Park Seo-jun','박서준','Incheon Songdo','pharmacy','pharmacist','032-858-1904','seojun.park@haneul-pharmacy.example','E0208','2017-08-10');
INSERT INTO employees VALUES('E0212','Jung Bo-ram','정보람','Incheon Songdo','pharmacy','pharmacist','032-858-1905','boram.jung@haneul-pharmacy.example','E0208','2023-07-14');
INSERT INTO employees VALUES('E0213','Choi Na-yeon','최나연','Incheon Songdo','pharmacy','pharmacy technician','032-858-1906','nayeon.choi@haneul-pharmacy.example','E0208','2022-06-20');
INSERT INTO employees VALUES('E0214','Park Hyun-jun','박현준','Incheon Songdo','pharmacy','pharmacy technician','032-858-1907','hyunjun.park@haneul-pharmacy.example','E0208','2018-12-24');
INSERT INTO employees VALUES('E0215','Lee Tae-hyun','이태현','Incheon Songdo','pharmacy','pharmacy technician','032-858-1908','taehyun.lee@haneul-pharmacy.example','E0208','2026-03-09');
INSERT INTO employees VALUES('E0216','Kim Na-yeon','김나연','Incheon Songdo','pharmacy','cashier','032-858-1909','nayeon.kim@haneul-pharmacy.example','E0208','2015-02-02');
INSERT INTO employees VALUES('E0217','Jeon Hyun-jun','전현준','Incheon Songdo','pharmacy','cashier','032-858-1910','hyunjun.jeon@haneul-pharmacy.example','E0208','2018-11-26');
INSERT INTO employees VALUES('E0218','Lim Jun-woo','임준우','Incheon Songdo','pharmacy','cashier','032-858-1911','junwoo.lim@haneul-pharmacy.example','E0208','2025-03-12');
INSERT INTO employees VALUES('E0219','Jang Hyun-jun','장현준','Incheon Songdo','pharmacy','cashier','032-858-1912','hyunjun.jang@haneul-pharmacy.example','E0208','2016-12-05');
CREATE TABLE dur_rules (
	id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	dur_seq VARCHAR(20) NOT NULL, 
	ingr_code VARCHAR(20) NOT NULL, 
	ingr_eng VARCHAR(300) NOT NULL, 
	ingr_kor VARCHAR(300) NOT NULL, 
	mix_codes JSON NOT NULL, 
	other_code VARCHAR(20), 
	other_eng VARCHAR(300) NOT NULL, 
	other_kor VARCHAR(300) NOT NULL, 
	other_mix_codes JSON NOT NULL, 
	form_name TEXT NOT NULL, 
	grade VARCHAR(20) NOT NULL, 
	age_base VARCHAR(40) NOT NULL, 
	max_qty VARCHAR(300) NOT NULL, 
	max_term VARCHAR(100) NOT NULL, 
	effect_code VARCHAR(100) NOT NULL, 
	series_name VARCHAR(200) NOT NULL, 
	class_name VARCHAR(200) NOT NULL, 
	notification_date VARCHAR(10), 
	content TEXT NOT NULL, 
	remark TEXT NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE dur_ingredient_names (
	name VARCHAR(300) NOT NULL, 
	"key" VARCHAR(300) NOT NULL, 
	PRIMARY KEY (name)
);
CREATE TABLE dur_ingredients (
	code VARCHAR(20) NOT NULL, 
	eng VARCHAR(300) NOT NULL, 
	kor VARCHAR(300) NOT NULL, 
	"key" VARCHAR(300) NOT NULL, 
	PRIMARY KEY (code)
);
CREATE TABLE dur_products (
	id INTEGER NOT NULL, 
	source VARCHAR(20) NOT NULL, 
	item_seq VARCHAR(20), 
	name VARCHAR(300) NOT NULL, 
	aliases JSON NOT NULL, 
	ingredients JSON NOT NULL, 
	codes JSON NOT NULL, 
	form VARCHAR(20), 
	otc BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE dur_import (
	id INTEGER NOT NULL, 
	source_hash VARCHAR(64) NOT NULL, 
	imported_at VARCHAR(40) NOT NULL, 
	counts JSON NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE pill_identification (
	id INTEGER NOT NULL, 
	item_seq VARCHAR(20) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	company VARCHAR(200) NOT NULL, 
	chart TEXT NOT NULL, 
	print_front VARCHAR(300) NOT NULL, 
	print_back VARCHAR(300) NOT NULL, 
	print_front_norm VARCHAR(300) NOT NULL, 
	print_back_norm VARCHAR(300) NOT NULL, 
	mark_front JSON NOT NULL, 
	mark_back JSON NOT NULL, 
	line_front VARCHAR(16) NOT NULL, 
	line_back VARCHAR(16) NOT NULL, 
	shape VARCHAR(16) NOT NULL, 
	colors JSON NOT NULL, 
	color_class1 VARCHAR(64) NOT NULL, 
	color_class2 VARCHAR(64) NOT NULL, 
	length_long_mm FLOAT, 
	length_short_mm FLOAT, 
	thickness_mm FLOAT, 
	form VARCHAR(100) NOT NULL, 
	form_kind VARCHAR(16) NOT NULL, 
	etc_otc VARCHAR(32) NOT NULL, 
	rx BOOLEAN NOT NULL, 
	class_no VARCHAR(16) NOT NULL, 
	class_name VARCHAR(200) NOT NULL, 
	permit_date VARCHAR(8) NOT NULL, 
	has_leaflet BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE pill_import_state (
	id INTEGER NOT NULL, 
	source VARCHAR(500) NOT NULL, 
	source_hash VARCHAR(64) NOT NULL, 
	rows INTEGER NOT NULL, 
	imported_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE kb_versions (
	id INTEGER NOT NULL, 
	doc_id VARCHAR(128) NOT NULL, 
	version INTEGER NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	audience VARCHAR(16) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	generic_names JSON NOT NULL, 
	brand_names JSON NOT NULL, 
	source VARCHAR(500) NOT NULL, 
	effective_date VARCHAR(10), 
	product_type VARCHAR(64), 
	content_hash VARCHAR(64) NOT NULL, 
	deleted BOOLEAN NOT NULL, 
	author VARCHAR(120) NOT NULL, 
	note VARCHAR(500) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (doc_id, version), 
	FOREIGN KEY(doc_id) REFERENCES kb_documents (doc_id)
);
INSERT INTO kb_versions VALUES(1,'faq-app-account-privacy',1,'store_faq','consumer','Haneul app account and privacy','[]','[]','chain documents: store_faq/app-account-privacy.md','2026-09-01',NULL,'77ce4637ea637ef424e44059b437eebee657f447c5b900514bb09b3958c43e82',0,'importer','imported from chain','2026-12-06 12:55:21.889704');
INSERT INTO kb_versions VALUES(2,'faq-branches',1,'store_faq','consumer','Branch locations and phone numbers','[]','[]','chain documents: store_faq/branches.md','2026-09-01',NULL,'73dca7ed7d7c9f26f02b7a850531ae3843cce515c019144e9def12155ef9b20c',0,'importer','imported from chain','2026-12-06 12:55:21.895432');
INSERT INTO kb_versions VALUES(3,'faq-delivery',1,'store_faq','consumer','Home delivery','[]','[]','chain documents: store_faq/delivery.md','2026-09-01',NULL,'05b44bcce6ceb671b2ca364518f32f9e5e8b7ecb0bd54b13241c001739abdd79',0,'importer','imported from chain','2026-12-06 12:55:21.898247');
CREATE TABLE feedback (
	id INTEGER NOT NULL, 
	turn_id VARCHAR(36) NOT NULL, 
	rating INTEGER NOT NULL, 
	comment VARCHAR(1000) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(turn_id) REFERENCES chat_turns (id)
);
INSERT INTO feedback VALUES(1,'turn-1',1,'thanks','2026-12-06 12:55:21.909233');
CREATE TABLE leave_entitlements (
	id INTEGER NOT NULL, 
	employee_id VARCHAR(16) NOT NULL, 
	year INTEGER NOT NULL, 
	leave_type VARCHAR(16) NOT NULL, 
	days INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (employee_id, year, leave_type), 
	CONSTRAINT entitlement_days_not_negative CHECK (days >= 0), 
	FOREIGN KEY(employee_id) REFERENCES employees (employee_id)
);
INSERT INTO leave_entitlements VALUES(1,'E0004',2026,'annual',24);
INSERT INTO leave_entitlements VALUES(2,'E0004',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(3,'E0004',2026,'family',10);
INSERT INTO leave_entitlements VALUES(4,'E0005',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(5,'E0005',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(6,'E0005',2026,'family',10);
INSERT INTO leave_entitlements VALUES(7,'E0008',2026,'annual',21);
INSERT INTO leave_entitlements VALUES(8,'E0008',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(9,'E0008',2026,'family',10);
INSERT INTO leave_entitlements VALUES(10,'E0019',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(11,'E0019',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(12,'E0019',2026,'family',10);
INSERT INTO leave_entitlements VALUES(13,'E0020',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(14,'E0020',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(15,'E0020',2026,'family',10);
INSERT INTO leave_entitlements VALUES(16,'E0032',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(17,'E0032',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(18,'E0032',2026,'family',10);
INSERT INTO leave_entitlements VALUES(19,'E0046',2026,'annual',22);
INSERT INTO leave_entitlements VALUES(20,'E0046',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(21,'E0046',2026,'family',10);
INSERT INTO leave_entitlements VALUES(22,'E0067',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(23,'E0067',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(24,'E0067',2026,'family',10);
INSERT INTO leave_entitlements VALUES(25,'E0077',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(26,'E0077',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(27,'E0077',2026,'family',10);
INSERT INTO leave_entitlements VALUES(28,'E0006',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(29,'E0006',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(30,'E0006',2026,'family',10);
INSERT INTO leave_entitlements VALUES(31,'E0007',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(32,'E0007',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(33,'E0007',2026,'family',10);
INSERT INTO leave_entitlements VALUES(34,'E0009',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(35,'E0009',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(36,'E0009',2026,'family',10);
INSERT INTO leave_entitlements VALUES(37,'E0010',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(38,'E0010',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(39,'E0010',2026,'family',10);
INSERT INTO leave_entitlements VALUES(40,'E0011',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(41,'E0011',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(42,'E0011',2026,'family',10);
INSERT INTO leave_entitlements VALUES(43,'E0012',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(44,'E0012',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(45,'E0012',2026,'family',10);
INSERT INTO leave_entitlements VALUES(46,'E0013',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(47,'E0013',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(48,'E0013',2026,'family',10);
INSERT INTO leave_entitlements VALUES(49,'E0014',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(50,'E0014',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(51,'E0014',2026,'family',10);
INSERT INTO leave_entitlements VALUES(52,'E0015',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(53,'E0015',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(54,'E0015',2026,'family',10);
INSERT INTO leave_entitlements VALUES(55,'E0016',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(56,'E0016',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(57,'E0016',2026,'family',10);
INSERT INTO leave_entitlements VALUES(58,'E0017',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(59,'E0017',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(60,'E0017',2026,'family',10);
INSERT INTO leave_entitlements VALUES(61,'E0018',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(62,'E0018',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(63,'E0018',2026,'family',10);
INSERT INTO leave_entitlements VALUES(64,'E0021',2026,'annual',21);
INSERT INTO leave_entitlements VALUES(65,'E0021',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(66,'E0021',2026,'family',10);
INSERT INTO leave_entitlements VALUES(67,'E0022',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(68,'E0022',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(69,'E0022',2026,'family',10);
INSERT INTO leave_entitlements VALUES(70,'E0023',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(71,'E0023',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(72,'E0023',2026,'family',10);
INSERT INTO leave_entitlements VALUES(73,'E0024',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(74,'E0024',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(75,'E0024',2026,'family',10);
INSERT INTO leave_entitlements VALUES(76,'E0025',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(77,'E0025',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(78,'E0025',2026,'family',10);
INSERT INTO leave_entitlements VALUES(79,'E0026',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(80,'E0026',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(81,'E0026',2026,'family',10);
INSERT INTO leave_entitlements VALUES(82,'E0027',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(83,'E0027',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(84,'E0027',2026,'family',10);
INSERT INTO leave_entitlements VALUES(85,'E0028',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(86,'E0028',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(87,'E0028',2026,'family',10);
INSERT INTO leave_entitlements VALUES(88,'E0029',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(89,'E0029',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(90,'E0029',2026,'family',10);
INSERT INTO leave_entitlements VALUES(91,'E0030',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(92,'E0030',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(93,'E0030',2026,'family',10);
INSERT INTO leave_entitlements VALUES(94,'E0031',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(95,'E0031',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(96,'E0031',2026,'family',10);
INSERT INTO leave_entitlements VALUES(97,'E0033',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(98,'E0033',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(99,'E0033',2026,'family',10);
INSERT INTO leave_entitlements VALUES(100,'E0034',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(101,'E0034',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(102,'E0034',2026,'family',10);
INSERT INTO leave_entitlements VALUES(103,'E0035',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(104,'E0035',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(105,'E0035',2026,'family',10);
INSERT INTO leave_entitlements VALUES(106,'E0036',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(107,'E0036',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(108,'E0036',2026,'family',10);
INSERT INTO leave_entitlements VALUES(109,'E0037',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(110,'E0037',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(111,'E0037',2026,'family',10);
INSERT INTO leave_entitlements VALUES(112,'E0038',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(113,'E0038',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(114,'E0038',2026,'family',10);
INSERT INTO leave_entitlements VALUES(115,'E0039',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(116,'E0039',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(117,'E0039',2026,'family',10);
INSERT INTO leave_entitlements VALUES(118,'E0040',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(119,'E0040',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(120,'E0040',2026,'family',10);
INSERT INTO leave_entitlements VALUES(121,'E0041',2026,'annual',8);
INSERT INTO leave_entitlements VALUES(122,'E0041',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(123,'E0041',2026,'family',10);
INSERT INTO leave_entitlements VALUES(124,'E0042',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(125,'E0042',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(126,'E0042',2026,'family',10);
INSERT INTO leave_entitlements VALUES(127,'E0043',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(128,'E0043',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(129,'E0043',2026,'family',10);
INSERT INTO leave_entitlements VALUES(130,'E0044',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(131,'E0044',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(132,'E0044',2026,'family',10);
INSERT INTO leave_entitlements VALUES(133,'E0045',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(134,'E0045',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(135,'E0045',2026,'family',10);
INSERT INTO leave_entitlements VALUES(136,'E0047',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(137,'E0047',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(138,'E0047',2026,'family',10);
INSERT INTO leave_entitlements VALUES(139,'E0048',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(140,'E0048',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(141,'E0048',2026,'family',10);
INSERT INTO leave_entitlements VALUES(142,'E0049',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(143,'E0049',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(144,'E0049',2026,'family',10);
INSERT INTO leave_entitlements VALUES(145,'E0050',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(146,'E0050',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(147,'E0050',2026,'family',10);
INSERT INTO leave_entitlements VALUES(148,'E0051',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(149,'E0051',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(150,'E0051',2026,'family',10);
INSERT INTO leave_entitlements VALUES(151,'E0052',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(152,'E0052',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(153,'E0052',2026,'family',10);
INSERT INTO leave_entitlements VALUES(154,'E0053',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(155,'E0053',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(156,'E0053',2026,'family',10);
INSERT INTO leave_entitlements VALUES(157,'E0054',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(158,'E0054',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(159,'E0054',2026,'family',10);
INSERT INTO leave_entitlements VALUES(160,'E0055',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(161,'E0055',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(162,'E0055',2026,'family',10);
INSERT INTO leave_entitlements VALUES(163,'E0056',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(164,'E0056',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(165,'E0056',2026,'family',10);
INSERT INTO leave_entitlements VALUES(166,'E0057',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(167,'E0057',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(168,'E0057',2026,'family',10);
INSERT INTO leave_entitlements VALUES(169,'E0058',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(170,'E0058',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(171,'E0058',2026,'family',10);
INSERT INTO leave_entitlements VALUES(172,'E0059',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(173,'E0059',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(174,'E0059',2026,'family',10);
INSERT INTO leave_entitlements VALUES(175,'E0060',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(176,'E0060',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(177,'E0060',2026,'family',10);
INSERT INTO leave_entitlements VALUES(178,'E0061',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(179,'E0061',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(180,'E0061',2026,'family',10);
INSERT INTO leave_entitlements VALUES(181,'E0062',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(182,'E0062',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(183,'E0062',2026,'family',10);
INSERT INTO leave_entitlements VALUES(184,'E0063',2026,'annual',5);
INSERT INTO leave_entitlements VALUES(185,'E0063',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(186,'E0063',2026,'family',10);
INSERT INTO leave_entitlements VALUES(187,'E0064',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(188,'E0064',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(189,'E0064',2026,'family',10);
INSERT INTO leave_entitlements VALUES(190,'E0065',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(191,'E0065',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(192,'E0065',2026,'family',10);
INSERT INTO leave_entitlements VALUES(193,'E0066',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(194,'E0066',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(195,'E0066',2026,'family',10);
INSERT INTO leave_entitlements VALUES(196,'E0068',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(197,'E0068',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(198,'E0068',2026,'family',10);
INSERT INTO leave_entitlements VALUES(199,'E0069',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(200,'E0069',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(201,'E0069',2026,'family',10);
INSERT INTO leave_entitlements VALUES(202,'E0070',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(203,'E0070',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(204,'E0070',2026,'family',10);
INSERT INTO leave_entitlements VALUES(205,'E0071',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(206,'E0071',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(207,'E0071',2026,'family',10);
INSERT INTO leave_entitlements VALUES(208,'E0072',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(209,'E0072',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(210,'E0072',2026,'family',10);
INSERT INTO leave_entitlements VALUES(211,'E0073',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(212,'E0073',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(213,'E0073',2026,'family',10);
INSERT INTO leave_entitlements VALUES(214,'E0074',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(215,'E0074',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(216,'E0074',2026,'family',10);
INSERT INTO leave_entitlements VALUES(217,'E0075',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(218,'E0075',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(219,'E0075',2026,'family',10);
INSERT INTO leave_entitlements VALUES(220,'E0076',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(221,'E0076',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(222,'E0076',2026,'family',10);
INSERT INTO leave_entitlements VALUES(223,'E0078',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(224,'E0078',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(225,'E0078',2026,'family',10);
INSERT INTO leave_entitlements VALUES(226,'E0079',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(227,'E0079',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(228,'E0079',2026,'family',10);
INSERT INTO leave_entitlements VALUES(229,'E0080',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(230,'E0080',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(231,'E0080',2026,'family',10);
INSERT INTO leave_entitlements VALUES(232,'E0081',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(233,'E0081',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(234,'E0081',2026,'family',10);
INSERT INTO leave_entitlements VALUES(235,'E0082',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(236,'E0082',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(237,'E0082',2026,'family',10);
INSERT INTO leave_entitlements VALUES(238,'E0083',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(239,'E0083',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(240,'E0083',2026,'family',10);
INSERT INTO leave_entitlements VALUES(241,'E0084',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(242,'E0084',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(243,'E0084',2026,'family',10);
INSERT INTO leave_entitlements VALUES(244,'E0085',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(245,'E0085',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(246,'E0085',2026,'family',10);
INSERT INTO leave_entitlements VALUES(247,'E0086',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(248,'E0086',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(249,'E0086',2026,'family',10);
INSERT INTO leave_entitlements VALUES(250,'E0087',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(251,'E0087',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(252,'E0087',2026,'family',10);
INSERT INTO leave_entitlements VALUES(253,'E0088',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(254,'E0088',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(255,'E0088',2026,'family',10);
INSERT INTO leave_entitlements VALUES(256,'E0089',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(257,'E0089',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(258,'E0089',2026,'family',10);
INSERT INTO leave_entitlements VALUES(259,'E0090',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(260,'E0090',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(261,'E0090',2026,'family',10);
INSERT INTO leave_entitlements VALUES(262,'E0091',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(263,'E0091',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(264,'E0091',2026,'family',10);
INSERT INTO leave_entitlements VALUES(265,'E0092',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(266,'E0092',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(267,'E0092',2026,'family',10);
INSERT INTO leave_entitlements VALUES(268,'E0093',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(269,'E0093',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(270,'E0093',2026,'family',10);
INSERT INTO leave_entitlements VALUES(271,'E0001',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(272,'E0001',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(273,'E0001',2026,'family',10);
INSERT INTO leave_entitlements VALUES(274,'E0111',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(275,'E0111',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(276,'E0111',2026,'family',10);
INSERT INTO leave_entitlements VALUES(277,'E0122',2026,'annual',21);
INSERT INTO leave_entitlements VALUES(278,'E0122',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(279,'E0122',2026,'family',10);
INSERT INTO leave_entitlements VALUES(280,'E0141',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(281,'E0141',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(282,'E0141',2026,'family',10);
INSERT INTO leave_entitlements VALUES(283,'E0153',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(284,'E0153',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(285,'E0153',2026,'family',10);
INSERT INTO leave_entitlements VALUES(286,'E0165',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(287,'E0165',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(288,'E0165',2026,'family',10);
INSERT INTO leave_entitlements VALUES(289,'E0184',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(290,'E0184',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(291,'E0184',2026,'family',10);
INSERT INTO leave_entitlements VALUES(292,'E0196',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(293,'E0196',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(294,'E0196',2026,'family',10);
INSERT INTO leave_entitlements VALUES(295,'E0208',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(296,'E0208',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(297,'E0208',2026,'family',10);
INSERT INTO leave_entitlements VALUES(298,'E0094',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(299,'E0094',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(300,'E0094',2026,'family',10);
INSERT INTO leave_entitlements VALUES(301,'E0095',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(302,'E0095',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(303,'E0095',2026,'family',10);
INSERT INTO leave_entitlements VALUES(304,'E0096',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(305,'E0096',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(306,'E0096',2026,'family',10);
INSERT INTO leave_entitlements VALUES(307,'E0097',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(308,'E0097',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(309,'E0097',2026,'family',10);
INSERT INTO leave_entitlements VALUES(310,'E0098',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(311,'E0098',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(312,'E0098',2026,'family',10);
INSERT INTO leave_entitlements VALUES(313,'E0099',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(314,'E0099',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(315,'E0099',2026,'family',10);
INSERT INTO leave_entitlements VALUES(316,'E0100',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(317,'E0100',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(318,'E0100',2026,'family',10);
INSERT INTO leave_entitlements VALUES(319,'E0002',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(320,'E0002',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(321,'E0002',2026,'family',10);
INSERT INTO leave_entitlements VALUES(322,'E0101',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(323,'E0101',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(324,'E0101',2026,'family',10);
INSERT INTO leave_entitlements VALUES(325,'E0102',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(326,'E0102',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(327,'E0102',2026,'family',10);
INSERT INTO leave_entitlements VALUES(328,'E0103',2026,'annual',6);
INSERT INTO leave_entitlements VALUES(329,'E0103',2026,'sick',4);
INSERT INTO leave_entitlements VALUES(330,'E0103',2026,'family',10);
INSERT INTO leave_entitlements VALUES(331,'E0104',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(332,'E0104',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(333,'E0104',2026,'family',10);
INSERT INTO leave_entitlements VALUES(334,'E0105',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(335,'E0105',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(336,'E0105',2026,'family',10);
INSERT INTO leave_entitlements VALUES(337,'E0106',2026,'annual',9);
INSERT INTO leave_entitlements VALUES(338,'E0106',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(339,'E0106',2026,'family',10);
INSERT INTO leave_entitlements VALUES(340,'E0107',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(341,'E0107',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(342,'E0107',2026,'family',10);
INSERT INTO leave_entitlements VALUES(343,'E0108',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(344,'E0108',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(345,'E0108',2026,'family',10);
INSERT INTO leave_entitlements VALUES(346,'E0109',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(347,'E0109',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(348,'E0109',2026,'family',10);
INSERT INTO leave_entitlements VALUES(349,'E0110',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(350,'E0110',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(351,'E0110',2026,'family',10);
INSERT INTO leave_entitlements VALUES(352,'E0112',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(353,'E0112',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(354,'E0112',2026,'family',10);
INSERT INTO leave_entitlements VALUES(355,'E0003',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(356,'E0003',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(357,'E0003',2026,'family',10);
INSERT INTO leave_entitlements VALUES(358,'E0113',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(359,'E0113',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(360,'E0113',2026,'family',10);
INSERT INTO leave_entitlements VALUES(361,'E0114',2026,'annual',4);
INSERT INTO leave_entitlements VALUES(362,'E0114',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(363,'E0114',2026,'family',10);
INSERT INTO leave_entitlements VALUES(364,'E0115',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(365,'E0115',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(366,'E0115',2026,'family',10);
INSERT INTO leave_entitlements VALUES(367,'E0116',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(368,'E0116',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(369,'E0116',2026,'family',10);
INSERT INTO leave_entitlements VALUES(370,'E0117',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(371,'E0117',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(372,'E0117',2026,'family',10);
INSERT INTO leave_entitlements VALUES(373,'E0118',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(374,'E0118',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(375,'E0118',2026,'family',10);
INSERT INTO leave_entitlements VALUES(376,'E0119',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(377,'E0119',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(378,'E0119',2026,'family',10);
INSERT INTO leave_entitlements VALUES(379,'E0120',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(380,'E0120',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(381,'E0120',2026,'family',10);
INSERT INTO leave_entitlements VALUES(382,'E0121',2026,'annual',5);
INSERT INTO leave_entitlements VALUES(383,'E0121',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(384,'E0121',2026,'family',10);
INSERT INTO leave_entitlements VALUES(385,'E0123',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(386,'E0123',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(387,'E0123',2026,'family',10);
INSERT INTO leave_entitlements VALUES(388,'E0124',2026,'annual',10);
INSERT INTO leave_entitlements VALUES(389,'E0124',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(390,'E0124',2026,'family',10);
INSERT INTO leave_entitlements VALUES(391,'E0125',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(392,'E0125',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(393,'E0125',2026,'family',10);
INSERT INTO leave_entitlements VALUES(394,'E0126',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(395,'E0126',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(396,'E0126',2026,'family',10);
INSERT INTO leave_entitlements VALUES(397,'E0127',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(398,'E0127',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(399,'E0127',2026,'family',10);
INSERT INTO leave_entitlements VALUES(400,'E0128',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(401,'E0128',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(402,'E0128',2026,'family',10);
INSERT INTO leave_entitlements VALUES(403,'E0129',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(404,'E0129',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(405,'E0129',2026,'family',10);
INSERT INTO leave_entitlements VALUES(406,'E0130',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(407,'E0130',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(408,'E0130',2026,'family',10);
INSERT INTO leave_entitlements VALUES(409,'E0131',2026,'annual',4);
INSERT INTO leave_entitlements VALUES(410,'E0131',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(411,'E0131',2026,'family',10);
INSERT INTO leave_entitlements VALUES(412,'E0132',2026,'annual',8);
INSERT INTO leave_entitlements VALUES(413,'E0132',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(414,'E0132',2026,'family',10);
INSERT INTO leave_entitlements VALUES(415,'E0133',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(416,'E0133',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(417,'E0133',2026,'family',10);
INSERT INTO leave_entitlements VALUES(418,'E0134',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(419,'E0134',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(420,'E0134',2026,'family',10);
INSERT INTO leave_entitlements VALUES(421,'E0135',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(422,'E0135',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(423,'E0135',2026,'family',10);
INSERT INTO leave_entitlements VALUES(424,'E0136',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(425,'E0136',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(426,'E0136',2026,'family',10);
INSERT INTO leave_entitlements VALUES(427,'E0137',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(428,'E0137',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(429,'E0137',2026,'family',10);
INSERT INTO leave_entitlements VALUES(430,'E0138',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(431,'E0138',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(432,'E0138',2026,'family',10);
INSERT INTO leave_entitlements VALUES(433,'E0139',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(434,'E0139',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(435,'E0139',2026,'family',10);
INSERT INTO leave_entitlements VALUES(436,'E0140',2026,'annual',2);
INSERT INTO leave_entitlements VALUES(437,'E0140',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(438,'E0140',2026,'family',10);
INSERT INTO leave_entitlements VALUES(439,'E0142',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(440,'E0142',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(441,'E0142',2026,'family',10);
INSERT INTO leave_entitlements VALUES(442,'E0143',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(443,'E0143',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(444,'E0143',2026,'family',10);
INSERT INTO leave_entitlements VALUES(445,'E0144',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(446,'E0144',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(447,'E0144',2026,'family',10);
INSERT INTO leave_entitlements VALUES(448,'E0145',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(449,'E0145',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(450,'E0145',2026,'family',10);
INSERT INTO leave_entitlements VALUES(451,'E0146',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(452,'E0146',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(453,'E0146',2026,'family',10);
INSERT INTO leave_entitlements VALUES(454,'E0147',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(455,'E0147',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(456,'E0147',2026,'family',10);
INSERT INTO leave_entitlements VALUES(457,'E0148',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(458,'E0148',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(459,'E0148',2026,'family',10);
INSERT INTO leave_entitlements VALUES(460,'E0149',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(461,'E0149',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(462,'E0149',2026,'family',10);
INSERT INTO leave_entitlements VALUES(463,'E0150',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(464,'E0150',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(465,'E0150',2026,'family',10);
INSERT INTO leave_entitlements VALUES(466,'E0151',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(467,'E0151',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(468,'E0151',2026,'family',10);
INSERT INTO leave_entitlements VALUES(469,'E0152',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(470,'E0152',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(471,'E0152',2026,'family',10);
INSERT INTO leave_entitlements VALUES(472,'E0154',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(473,'E0154',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(474,'E0154',2026,'family',10);
INSERT INTO leave_entitlements VALUES(475,'E0155',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(476,'E0155',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(477,'E0155',2026,'family',10);
INSERT INTO leave_entitlements VALUES(478,'E0156',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(479,'E0156',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(480,'E0156',2026,'family',10);
INSERT INTO leave_entitlements VALUES(481,'E0157',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(482,'E0157',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(483,'E0157',2026,'family',10);
INSERT INTO leave_entitlements VALUES(484,'E0158',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(485,'E0158',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(486,'E0158',2026,'family',10);
INSERT INTO leave_entitlements VALUES(487,'E0159',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(488,'E0159',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(489,'E0159',2026,'family',10);
INSERT INTO leave_entitlements VALUES(490,'E0160',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(491,'E0160',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(492,'E0160',2026,'family',10);
INSERT INTO leave_entitlements VALUES(493,'E0161',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(494,'E0161',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(495,'E0161',2026,'family',10);
INSERT INTO leave_entitlements VALUES(496,'E0162',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(497,'E0162',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(498,'E0162',2026,'family',10);
INSERT INTO leave_entitlements VALUES(499,'E0163',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(500,'E0163',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(501,'E0163',2026,'family',10);
INSERT INTO leave_entitlements VALUES(502,'E0164',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(503,'E0164',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(504,'E0164',2026,'family',10);
INSERT INTO leave_entitlements VALUES(505,'E0166',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(506,'E0166',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(507,'E0166',2026,'family',10);
INSERT INTO leave_entitlements VALUES(508,'E0167',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(509,'E0167',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(510,'E0167',2026,'family',10);
INSERT INTO leave_entitlements VALUES(511,'E0168',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(512,'E0168',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(513,'E0168',2026,'family',10);
INSERT INTO leave_entitlements VALUES(514,'E0169',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(515,'E0169',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(516,'E0169',2026,'family',10);
INSERT INTO leave_entitlements VALUES(517,'E0170',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(518,'E0170',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(519,'E0170',2026,'family',10);
INSERT INTO leave_entitlements VALUES(520,'E0171',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(521,'E0171',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(522,'E0171',2026,'family',10);
INSERT INTO leave_entitlements VALUES(523,'E0172',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(524,'E0172',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(525,'E0172',2026,'family',10);
INSERT INTO leave_entitlements VALUES(526,'E0173',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(527,'E0173',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(528,'E0173',2026,'family',10);
INSERT INTO leave_entitlements VALUES(529,'E0174',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(530,'E0174',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(531,'E0174',2026,'family',10);
INSERT INTO leave_entitlements VALUES(532,'E0175',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(533,'E0175',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(534,'E0175',2026,'family',10);
INSERT INTO leave_entitlements VALUES(535,'E0176',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(536,'E0176',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(537,'E0176',2026,'family',10);
INSERT INTO leave_entitlements VALUES(538,'E0177',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(539,'E0177',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(540,'E0177',2026,'family',10);
INSERT INTO leave_entitlements VALUES(541,'E0178',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(542,'E0178',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(543,'E0178',2026,'family',10);
INSERT INTO leave_entitlements VALUES(544,'E0179',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(545,'E0179',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(546,'E0179',2026,'family',10);
INSERT INTO leave_entitlements VALUES(547,'E0180',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(548,'E0180',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(549,'E0180',2026,'family',10);
INSERT INTO leave_entitlements VALUES(550,'E0181',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(551,'E0181',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(552,'E0181',2026,'family',10);
INSERT INTO leave_entitlements VALUES(553,'E0182',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(554,'E0182',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(555,'E0182',2026,'family',10);
INSERT INTO leave_entitlements VALUES(556,'E0183',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(557,'E0183',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(558,'E0183',2026,'family',10);
INSERT INTO leave_entitlements VALUES(559,'E0185',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(560,'E0185',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(561,'E0185',2026,'family',10);
INSERT INTO leave_entitlements VALUES(562,'E0186',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(563,'E0186',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(564,'E0186',2026,'family',10);
INSERT INTO leave_entitlements VALUES(565,'E0187',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(566,'E0187',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(567,'E0187',2026,'family',10);
INSERT INTO leave_entitlements VALUES(568,'E0188',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(569,'E0188',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(570,'E0188',2026,'family',10);
INSERT INTO leave_entitlements VALUES(571,'E0189',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(572,'E0189',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(573,'E0189',2026,'family',10);
INSERT INTO leave_entitlements VALUES(574,'E0190',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(575,'E0190',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(576,'E0190',2026,'family',10);
INSERT INTO leave_entitlements VALUES(577,'E0191',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(578,'E0191',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(579,'E0191',2026,'family',10);
INSERT INTO leave_entitlements VALUES(580,'E0192',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(581,'E0192',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(582,'E0192',2026,'family',10);
INSERT INTO leave_entitlements VALUES(583,'E0193',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(584,'E0193',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(585,'E0193',2026,'family',10);
INSERT INTO leave_entitlements VALUES(586,'E0194',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(587,'E0194',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(588,'E0194',2026,'family',10);
INSERT INTO leave_entitlements VALUES(589,'E0195',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(590,'E0195',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(591,'E0195',2026,'family',10);
INSERT INTO leave_entitlements VALUES(592,'E0197',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(593,'E0197',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(594,'E0197',2026,'family',10);
INSERT INTO leave_entitlements VALUES(595,'E0198',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(596,'E0198',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(597,'E0198',2026,'family',10);
INSERT INTO leave_entitlements VALUES(598,'E0199',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(599,'E0199',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(600,'E0199',2026,'family',10);
INSERT INTO leave_entitlements VALUES(601,'E0200',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(602,'E0200',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(603,'E0200',2026,'family',10);
INSERT INTO leave_entitlements VALUES(604,'E0201',2026,'annual',17);
INSERT INTO leave_entitlements VALUES(605,'E0201',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(606,'E0201',2026,'family',10);
INSERT INTO leave_entitlements VALUES(607,'E0202',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(608,'E0202',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(609,'E0202',2026,'family',10);
INSERT INTO leave_entitlements VALUES(610,'E0203',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(611,'E0203',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(612,'E0203',2026,'family',10);
INSERT INTO leave_entitlements VALUES(613,'E0204',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(614,'E0204',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(615,'E0204',2026,'family',10);
INSERT INTO leave_entitlements VALUES(616,'E0205',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(617,'E0205',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(618,'E0205',2026,'family',10);
INSERT INTO leave_entitlements VALUES(619,'E0206',2026,'annual',3);
INSERT INTO leave_entitlements VALUES(620,'E0206',2026,'sick',3);
INSERT INTO leave_entitlements VALUES(621,'E0206',2026,'family',10);
INSERT INTO leave_entitlements VALUES(622,'E0207',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(623,'E0207',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(624,'E0207',2026,'family',10);
INSERT INTO leave_entitlements VALUES(625,'E0209',2026,'annual',22);
INSERT INTO leave_entitlements VALUES(626,'E0209',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(627,'E0209',2026,'family',10);
INSERT INTO leave_entitlements VALUES(628,'E0210',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(629,'E0210',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(630,'E0210',2026,'family',10);
INSERT INTO leave_entitlements VALUES(631,'E0211',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(632,'E0211',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(633,'E0211',2026,'family',10);
INSERT INTO leave_entitlements VALUES(634,'E0212',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(635,'E0212',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(636,'E0212',2026,'family',10);
INSERT INTO leave_entitlements VALUES(637,'E0213',2026,'annual',16);
INSERT INTO leave_entitlements VALUES(638,'E0213',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(639,'E0213',2026,'family',10);
INSERT INTO leave_entitlements VALUES(640,'E0214',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(641,'E0214',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(642,'E0214',2026,'family',10);
INSERT INTO leave_entitlements VALUES(643,'E0215',2026,'annual',8);
INSERT INTO leave_entitlements VALUES(644,'E0215',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(645,'E0215',2026,'family',10);
INSERT INTO leave_entitlements VALUES(646,'E0216',2026,'annual',20);
INSERT INTO leave_entitlements VALUES(647,'E0216',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(648,'E0216',2026,'family',10);
INSERT INTO leave_entitlements VALUES(649,'E0217',2026,'annual',18);
INSERT INTO leave_entitlements VALUES(650,'E0217',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(651,'E0217',2026,'family',10);
INSERT INTO leave_entitlements VALUES(652,'E0218',2026,'annual',15);
INSERT INTO leave_entitlements VALUES(653,'E0218',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(654,'E0218',2026,'family',10);
INSERT INTO leave_entitlements VALUES(655,'E0219',2026,'annual',19);
INSERT INTO leave_entitlements VALUES(656,'E0219',2026,'sick',5);
INSERT INTO leave_entitlements VALUES(657,'E0219',2026,'family',10);
CREATE TABLE leave_requests (
	id INTEGER NOT NULL, 
	employee_id VARCHAR(16) NOT NULL, 
	leave_type VARCHAR(16) NOT NULL, 
	start_date DATE NOT NULL, 
	end_date DATE NOT NULL, 
	days INTEGER NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	reason VARCHAR(500), 
	created_at DATETIME NOT NULL, 
	decided_by VARCHAR(16), 
	decided_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT leave_end_not_before_start CHECK (end_date >= start_date), 
	CONSTRAINT leave_days_positive CHECK (days > 0), 
	FOREIGN KEY(employee_id) REFERENCES employees (employee_id), 
	FOREIGN KEY(decided_by) REFERENCES employees (employee_id)
);
INSERT INTO leave_requests VALUES(1,'E0002','annual','2026-10-08','2026-10-12',2,'approved','family trip','2026-12-06 12:55:21.138851','E0001','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(2,'E0002','sick','2026-11-05','2026-11-05',1,'approved',NULL,'2026-12-06 12:55:21.138857','E0001','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(3,'E0094','annual','2026-12-07','2026-12-09',3,'pending',NULL,'2026-12-06 12:55:21.138858',NULL,NULL);
INSERT INTO leave_requests VALUES(4,'E0095','family','2026-12-14','2026-12-14',1,'pending',NULL,'2026-12-06 12:55:21.138858',NULL,NULL);
INSERT INTO leave_requests VALUES(5,'E0096','annual','2026-12-21','2026-12-22',2,'pending',NULL,'2026-12-06 12:55:21.138861',NULL,NULL);
INSERT INTO leave_requests VALUES(6,'E0097','annual','2026-11-30','2026-11-30',1,'approved',NULL,'2026-12-06 12:55:21.138861','E0001','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(7,'E0055','sick','2026-12-07','2026-12-07',1,'pending',NULL,'2026-12-06 12:55:21.138862',NULL,NULL);
INSERT INTO leave_requests VALUES(8,'E0219','sick','2026-06-29','2026-06-29',1,'approved',NULL,'2026-12-06 12:55:21.138863','E0208','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(9,'E0192','annual','2027-01-13','2027-01-14',2,'pending',NULL,'2026-12-06 12:55:21.138864',NULL,NULL);
INSERT INTO leave_requests VALUES(10,'E0216','annual','2026-08-18','2026-08-18',1,'cancelled',NULL,'2026-12-06 12:55:21.138864',NULL,NULL);
INSERT INTO leave_requests VALUES(11,'E0159','sick','2026-06-12','2026-06-16',3,'approved',NULL,'2026-12-06 12:55:21.138865','E0153','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(12,'E0078','sick','2027-01-15','2027-01-18',2,'pending',NULL,'2026-12-06 12:55:21.138865',NULL,NULL);
INSERT INTO leave_requests VALUES(13,'E0061','sick','2026-11-30','2026-12-01',2,'pending',NULL,'2026-12-06 12:55:21.138865',NULL,NULL);
INSERT INTO leave_requests VALUES(14,'E0097','annual','2027-01-18','2027-01-18',1,'pending',NULL,'2026-12-06 12:55:21.138866',NULL,NULL);
INSERT INTO leave_requests VALUES(15,'E0130','family','2027-01-11','2027-01-13',3,'approved',NULL,'2026-12-06 12:55:21.138866','E0122','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(16,'E0156','sick','2026-09-30','2026-10-02',3,'cancelled',NULL,'2026-12-06 12:55:21.138866',NULL,NULL);
INSERT INTO leave_requests VALUES(17,'E0069','annual','2026-12-15','2026-12-15',1,'pending',NULL,'2026-12-06 12:55:21.138867',NULL,NULL);
INSERT INTO leave_requests VALUES(18,'E0151','annual','2027-01-13','2027-01-15',3,'pending',NULL,'2026-12-06 12:55:21.138867',NULL,NULL);
INSERT INTO leave_requests VALUES(19,'E0052','annual','2026-10-26','2026-10-26',1,'declined',NULL,'2026-12-06 12:55:21.138868','E0046','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(20,'E0191','family','2026-12-28','2026-12-28',1,'pending',NULL,'2026-12-06 12:55:21.138868',NULL,NULL);
INSERT INTO leave_requests VALUES(21,'E0009','annual','2026-09-22','2026-09-22',1,'approved',NULL,'2026-12-06 12:55:21.138868','E0008','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(22,'E0139','family','2026-05-06','2026-05-06',1,'declined',NULL,'2026-12-06 12:55:21.138869','E0122','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(23,'E0104','annual','2026-12-14','2026-12-14',1,'pending',NULL,'2026-12-06 12:55:21.138869',NULL,NULL);
INSERT INTO leave_requests VALUES(24,'E0068','annual','2026-06-22','2026-06-24',3,'approved',NULL,'2026-12-06 12:55:21.138870','E0067','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(25,'E0090','annual','2026-12-14','2026-12-16',3,'pending',NULL,'2026-12-06 12:55:21.138870',NULL,NULL);
INSERT INTO leave_requests VALUES(26,'E0178','annual','2026-12-16','2026-12-18',3,'pending',NULL,'2026-12-06 12:55:21.138870',NULL,NULL);
INSERT INTO leave_requests VALUES(27,'E0208','annual','2026-06-02','2026-06-05',3,'approved',NULL,'2026-12-06 12:55:21.138871','E0006','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(28,'E0070','annual','2026-12-15','2026-12-16',2,'approved',NULL,'2026-12-06 12:55:21.138871','E0067','2026-12-06 12:55:21.048926');
INSERT INTO leave_requests VALUES(29,'E0067','annual','2026-12-28','2026-12-30',3,'pending',NULL,'2026-12-06 12:55:21.138871',NULL,NULL);
INSERT INTO leave_requests VALUES(30,'E0002','annual','2026-12-24','2026-12-26',2,'pending','family trip','2026-12-06 12:55:21.908306',NULL,NULL);
CREATE TABLE kb_sections (
	id INTEGER NOT NULL, 
	version_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	"key" VARCHAR(80) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(version_id) REFERENCES kb_versions (id)
);
INSERT INTO kb_sections VALUES(1,1,0,'creating_a_haneul_app_account','Creating a Haneul app account',replace('1. Download the **Haneul Pharmacy** app (하늘약국 앱) from the App Store or Google Play.\n2. Tap **Sign up** and verify your identity with your mobile phone (휴대폰 본인인증). This confirms your name and date of birth so we can match you to your prescriptions and points.\n3. Agree to the required terms and the privacy notice. Marketing messages are optional and can be turned on or off at any time in **Settings > Notifications**.\n\nYou must be **14 or older** to open your own account. A parent or legal guardian can add a child under 14 as a family member in their own account (**My > Family**), which lets them send prescriptions ahead and see pick-up notifications for the child.','\n',char(10)));
INSERT INTO kb_sections VALUES(2,1,1,'what_personal_information_the_haneul_app_collects_and_why','What personal information the Haneul app collects and why',replace('- **Name, date of birth and mobile number** – to verify you and to match prescriptions, orders and points.\n- **Delivery address** – only if you use delivery.\n- **Purchase and points history** – to run Haneul Points and show your receipts.\n- **Prescription photos and pick-up records** – so the branch can prepare your medicine.\n- **In-app pharmacist chat messages** – so the pharmacist can follow the conversation and we can handle complaints.\n\nWe do not sell your information. We share it only with the delivery company (name, phone, address) for your order, and with public bodies when the law requires it. Your health information is used only for your care and is never used for advertising, even if you agreed to marketing messages.','\n',char(10)));
INSERT INTO kb_sections VALUES(3,1,2,'how_long_haneul_keeps_your_data','How long Haneul keeps your data',replace('- App account data is kept while your account is open.\n- Purchase and payment records are kept for **5 years**, as required by e-commerce law (전자상거래법).\n- Prescriptions and dispensing records are kept by the branch for the periods set by the Pharmaceutical Affairs Act (약사법) – **2 years** for prescriptions and **5 years** for the dispensing log – whether or not you use the app.\n- Pharmacist chat messages are kept for **3 years**, then deleted.\n- Prescription photos sent through the app are deleted **30 days** after the medicine is collected or the hold expires.','\n',char(10)));
INSERT INTO kb_sections VALUES(4,1,3,'deleting_your_haneul_app_account','Deleting your Haneul app account',replace('Go to **Settings > Account > Delete account**. Deletion takes effect within **5 days**. When you delete your account:\n\n- all your Haneul Points and coupons are cancelled and cannot be restored;\n- any open delivery order must be finished or cancelled first;\n- records we must keep by law (see "How long Haneul keeps your data") are kept separately and deleted when the legal period ends.','\n',char(10)));
INSERT INTO kb_sections VALUES(5,1,4,'keeping_your_haneul_account_secure_and_a_lost_phone','Keeping your Haneul account secure, and a lost phone',replace('- Turn on app lock (PIN, fingerprint or face) in **Settings > Security**. It is needed to open the prescription and chat screens.\n- Haneul staff will **never** ask for your password or verification code by phone or text.\n- If you lose your phone, log in on a new device: this automatically logs out the old one. You can also call the Customer Centre (02-6200-7500, weekdays 09:00–18:00) to block the account.','\n',char(10)));
INSERT INTO kb_sections VALUES(6,1,5,'your_privacy_rights_and_the_haneul_privacy_officer','Your privacy rights and the Haneul privacy officer','Under the Personal Information Protection Act (개인정보 보호법) you can ask to see, correct, or delete your personal information, or to stop its processing. You can download a copy of your data in **Settings > Privacy > Download my data**, or write to the privacy officer (개인정보 보호책임자) at **privacy@haneul-pharmacy.example**. We reply within **10 days**. If you are not satisfied with our answer, you can contact the Personal Information Dispute Mediation Committee.');
INSERT INTO kb_sections VALUES(7,2,0,'haneul_pharmacy_branches_in_central_and_western_seoul_jongno_hongdae_yeouido','Haneul Pharmacy branches in central and western Seoul (Jongno, Hongdae, Yeouido)',replace('- **Jongno branch** – ground floor, Jongno-ro, Jongno-gu, Seoul, 3 minutes'' walk from Jongno 3-ga Station (Lines 1, 3, 5), exit 2. Phone **02-2267-1200**. Opens at 08:30 on weekdays. Has a private consultation room.\n- **Hongdae branch** – Yanghwa-ro, Mapo-gu, Seoul, next to Hongik University Station (Line 2, AREX, Gyeongui–Jungang Line), exit 9. Phone **02-3142-1300**. **Open 24 hours.** English, Chinese and Japanese spoken during the day.\n- **Yeouido branch** – basement level B1 of an office tower on Gukjegeumyung-ro, Yeongdeungpo-gu, Seoul, connected to Yeouido Station (Lines 5, 9) underground passage. Phone **02-783-1500**. Weekdays and Saturday mornings only; closed on Sundays and public holidays.','\n',char(10)));
INSERT INTO kb_sections VALUES(8,2,1,'haneul_pharmacy_branches_in_southern_and_eastern_seoul_gangnam_jamsil','Haneul Pharmacy branches in southern and eastern Seoul (Gangnam, Jamsil)',replace('- **Gangnam branch** – first floor, Gangnam-daero, Gangnam-gu, Seoul, 2 minutes from Gangnam Station (Line 2, Sinbundang Line), exit 10. Phone **02-3452-1100**. **Open 24 hours, every day of the year.** This is the flagship branch, with two consultation rooms and English-speaking pharmacists on every shift.\n- **Jamsil branch** – Olympic-ro, Songpa-gu, Seoul, in the shopping arcade beside Jamsil Station (Lines 2, 8), exit 3. Phone **02-2143-1400**. Open until 22:00 Monday to Saturday. Has a consultation room and a baby-care corner.','\n',char(10)));
INSERT INTO kb_sections VALUES(9,2,2,'haneul_pharmacy_branches_in_busan_seomyeon_haeundae','Haneul Pharmacy branches in Busan (Seomyeon, Haeundae)',replace('- **Busan Seomyeon branch** – Jungang-daero, Busanjin-gu, Busan, 1 minute from Seomyeon Station (Lines 1, 2), exit 7. Phone **051-806-1600**. **Open 24 hours.** Has a consultation room.\n- **Busan Haeundae branch** – Haeundaehaebyeon-ro, Haeundae-gu, Busan, 5 minutes'' walk from Haeundae Station (Line 2), exit 5, on the way to the beach. Phone **051-742-1700**. Open until 23:00 every day in July and August. English and Japanese spoken during the day.','\n',char(10)));
INSERT INTO kb_sections VALUES(10,2,3,'haneul_pharmacy_branches_in_daegu_and_incheon_dongseongro_songdo','Haneul Pharmacy branches in Daegu and Incheon (Dongseongro, Songdo)',replace('- **Daegu Dongseongro branch** – Dongseong-ro, Jung-gu, Daegu, in the Dongseongro shopping street, 4 minutes from Jungangno Station (Line 1), exit 4. Phone **053-252-1800**.\n- **Incheon Songdo branch** – first floor of a medical building on Songdo Central-ro, Yeonsu-gu, Incheon, 3 minutes from Central Park Station (Incheon Line 1), exit 4. Phone **032-858-1900**. Open 10:00–19:00 on weekends. Has a consultation room. English spoken.','\n',char(10)));
INSERT INTO kb_sections VALUES(11,2,4,'haneul_pharmacy_branches_open_24_hours_and_the_customer_centre_number','Haneul Pharmacy branches open 24 hours, and the customer centre number',replace('Three Haneul branches never close: **Gangnam** (02-3452-1100), **Hongdae** (02-3142-1300) and **Busan Seomyeon** (051-806-1600). They are also open on Seollal (설날) and Chuseok (추석).\n\nFor questions that are not about a specific branch (the app, points, delivery orders, complaints), call the **Haneul Customer Centre on 02-6200-7500**, weekdays 09:00–18:00 (closed on weekends and public holidays), or email **help@haneul-pharmacy.example**. Branch phone numbers are answered during that branch''s opening hours.','\n',char(10)));
INSERT INTO kb_sections VALUES(12,2,5,'facilities_at_haneul_pharmacy_branches_consultation_rooms_languages_access','Facilities at Haneul Pharmacy branches (consultation rooms, languages, access)',replace('- **Private consultation rooms (상담실):** Gangnam, Jongno, Jamsil, Busan Seomyeon and Incheon Songdo.\n- **Languages other than Korean:** English at Gangnam, Hongdae, Jongno, Yeouido, Busan Haeundae and Incheon Songdo; Chinese at Hongdae; Japanese at Hongdae and Busan Haeundae. Availability depends on the shift, so call ahead if you need it.\n- **Step-free access:** all branches have step-free entrances except Daegu Dongseongro, which has one step at the door; ring the bell and staff will come out to serve you.\n- **Parking:** Jamsil and Incheon Songdo share building car parks; 30 minutes are free with any purchase (show your receipt). Other branches have no parking.','\n',char(10)));
INSERT INTO kb_sections VALUES(13,3,0,'what_haneul_pharmacy_delivery_can_carry_otc_products_only','What Haneul Pharmacy delivery can carry (OTC products only)',replace('Haneul delivery carries **over-the-counter (non-prescription) products only**:\n\n- quasi-drugs (의약외품) such as masks, bandages, plasters, disinfectant, toothpaste and lice shampoo;\n- health functional foods (건강기능식품) such as vitamins, omega-3 and probiotics;\n- medical supplies such as thermometers, blood-pressure monitors and glucose test strips;\n- skin care, sun care and baby care products.\n\nUnder the Pharmaceutical Affairs Act (약사법), general medicines (일반의약품) such as painkillers, cold medicines and antacids must be handed over by a pharmacist at the pharmacy. You can **reserve them in the app and collect them in store** (see "Reserve and collect"), but they are not sent by delivery. Items that can be delivered are marked with a van icon in the app.','\n',char(10)));
INSERT INTO kb_sections VALUES(14,3,1,'prescription_medicines_and_delivery','Prescription medicines and delivery',replace('Haneul Pharmacy **does not deliver prescription medicines.** Please collect them at the branch in person, or send someone to collect for you (see the prescription pick-up FAQ).\n\nThe only exception is where Korean law and government guidance allow it at the time – for example, if a government telemedicine (비대면진료) program permits delivery for a specific patient group such as residents of islands or remote areas. In that case the pharmacist will phone you to explain the medicine first. Controlled medicines (마약류) and medicines that must be kept refrigerated are never delivered.','\n',char(10)));
INSERT INTO kb_sections VALUES(15,3,2,'haneul_pharmacy_delivery_areas','Haneul Pharmacy delivery areas',replace('- **Same-day delivery** is available within about 5 km of a branch in: all of Seoul; Busanjin-gu, Haeundae-gu, Suyeong-gu and Nam-gu in Busan; Jung-gu, Suseong-gu and Dong-gu in Daegu; and Yeonsu-gu in Incheon (including Songdo).\n- **Parcel delivery** (택배) reaches the rest of mainland Korea in 1–3 business days.\n- **Jeju and other islands:** parcel delivery only, 2–5 business days, with an extra island fee.\n\nEnter your address at checkout and the app will show which options are available.','\n',char(10)));
INSERT INTO kb_sections VALUES(16,3,3,'delivery_fees_and_free_delivery_threshold','Delivery fees and free delivery threshold',replace('| Delivery type | Fee | Free from |\n|---|---|---|\n| Same-day delivery | 3,500 won | orders of 30,000 won or more |\n| Parcel delivery (mainland) | 3,000 won | orders of 30,000 won or more |\n| Jeju and island surcharge | + 3,000 won | never free |\n\nThe free-delivery threshold is calculated on the amount paid after coupons and Haneul Points.','\n',char(10)));
INSERT INTO kb_sections VALUES(17,3,4,'same_day_delivery_cut_off_time','Same-day delivery cut-off time',replace('- Order by **14:00** (Monday to Saturday) for delivery the same day between **18:00 and 22:00**.\n- Orders placed after 14:00, or on Sundays and public holidays, go out the next delivery day.\n- There is no same-day delivery on Seollal (설날) or Chuseok (추석) holidays.\n\nParcel orders placed by 13:00 on a weekday are dispatched the same day. You will get a tracking link by text message when the order leaves the branch.','\n',char(10)));
INSERT INTO kb_sections VALUES(18,3,5,'reserve_and_collect_for_otc_medicines','Reserve and collect for OTC medicines',replace('For general medicines that cannot be delivered:\n\n1. Find the product in the app and tap **Reserve for pick-up**.\n2. Choose a branch. We hold the item for **2 days**.\n3. Pay at the counter when you collect. The pharmacist will check that the medicine suits you and explain how to take it.','\n',char(10)));
INSERT INTO kb_sections VALUES(19,3,6,'missing_late_or_damaged_deliveries','Missing, late or damaged deliveries','If an order is late by more than 2 hours (same-day) or 2 business days (parcel), or arrives damaged or incomplete, report it in the app under **My > Orders > Report a problem** within **7 days**, with a photo if something is damaged. We will resend the item or refund it, including the delivery fee. You can cancel a same-day order free of charge until it is marked "Packed".');
CREATE INDEX ix_kb_documents_audience ON kb_documents (audience);
CREATE INDEX ix_kb_documents_kind ON kb_documents (kind);
CREATE INDEX ix_kb_audit_doc ON kb_audit (doc_id, at);
CREATE UNIQUE INDEX ix_users_username ON users (username);
CREATE INDEX ix_users_employee_id ON users (employee_id);
CREATE INDEX ix_chat_turns_session_id ON chat_turns (session_id);
CREATE INDEX ix_chat_turns_created_at ON chat_turns (created_at);
CREATE INDEX ix_chat_turns_gap_reason ON chat_turns (gap_reason);
CREATE INDEX ix_employees_branch ON employees (branch);
CREATE INDEX ix_employees_job_role ON employees (job_role);
CREATE INDEX ix_employees_manager_id ON employees (manager_id);
CREATE INDEX ix_employees_department ON employees (department);
CREATE INDEX ix_dur_rules_ingr_code ON dur_rules (ingr_code);
CREATE INDEX ix_dur_rules_kind_code ON dur_rules (kind, ingr_code);
CREATE INDEX ix_dur_rules_other_code ON dur_rules (other_code);
CREATE INDEX ix_dur_ingredient_names_key ON dur_ingredient_names ("key");
CREATE INDEX ix_dur_ingredients_key ON dur_ingredients ("key");
CREATE INDEX ix_dur_products_item_seq ON dur_products (item_seq);
CREATE INDEX ix_dur_products_source ON dur_products (source);
CREATE INDEX ix_pill_identification_item_seq ON pill_identification (item_seq);
CREATE INDEX ix_pill_identification_print_front_norm ON pill_identification (print_front_norm);
CREATE INDEX ix_kb_versions_doc_id ON kb_versions (doc_id);
CREATE INDEX ix_feedback_turn_id ON feedback (turn_id);
CREATE INDEX ix_leave_entitlements_employee_id ON leave_entitlements (employee_id);
CREATE INDEX ix_leave_requests_status ON leave_requests (status);
CREATE INDEX ix_leave_requests_employee_dates ON leave_requests (employee_id, start_date, end_date);
CREATE INDEX ix_leave_requests_employee_id ON leave_requests (employee_id);
CREATE INDEX ix_kb_sections_version_id ON kb_sections (version_id);
COMMIT;
