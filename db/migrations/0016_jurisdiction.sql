ALTER TABLE `regulations` ADD `level` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
-- Texts imported before the column existed: the level their place name gives (lib/library's
-- levelOfRegion); a title naming no place is a national text. Those national texts were filed as
-- 地方性法规 or 政府规章 for want of a better kind: give them theirs (nationalKindOf).
UPDATE `regulations` SET `level` = CASE
  WHEN `region` IS NULL THEN 'national'
  WHEN `region` IN ('北京市', '上海市', '天津市', '重庆市') OR `region` LIKE '%省' OR `region` LIKE '%自治区' THEN 'province'
  WHEN `region` LIKE '%市' OR `region` LIKE '%自治州' OR `region` LIKE '%经济特区' THEN 'city'
  ELSE 'other' END;--> statement-breakpoint
UPDATE `regulations` SET `kind` = CASE
  WHEN `title` LIKE '%最高人民法院%' OR `title` LIKE '%最高人民检察院%' OR `title` LIKE '%解释' THEN 'judicial_interpretation'
  WHEN `title` LIKE '%法' OR `title` LIKE '%法典' THEN 'law'
  WHEN `title` LIKE '%条例' THEN 'administrative_regulation'
  ELSE 'department_rule' END
WHERE `level` = 'national';
