SELECT s.a.b, s.a.b.c AS deep, payload.device.os.version AS os_version
FROM nested_table
