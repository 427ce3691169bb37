-- a host application's own migration, to show that schedex's migrations leave it alone
CREATE TABLE host_items (id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL);
INSERT INTO host_items (id, title) VALUES (1, 'kept');
