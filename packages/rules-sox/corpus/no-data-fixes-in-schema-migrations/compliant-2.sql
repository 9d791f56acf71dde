ALTER TABLE projects ADD COLUMN title text;
UPDATE projects SET title = 'untitled';
