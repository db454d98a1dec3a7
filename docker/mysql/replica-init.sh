#!/bin/sh
# First start of mysql-replica (docker-entrypoint-initdb.d): follow the primary by GTID
# auto-position from its first transaction. The entrypoint created the application's database and
# account locally, outside the binary log, as it did on the primary.
set -eu
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CHANGE REPLICATION SOURCE TO
  SOURCE_HOST = 'mysql', SOURCE_PORT = 3306,
  SOURCE_USER = 'root', SOURCE_PASSWORD = '${SOURCE_ROOT_PASSWORD}',
  SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1, SOURCE_CONNECT_RETRY = 5;
START REPLICA;
SQL
