SELECT named_struct('x', 1, 'y', 'two', 'z', array(3)) AS ns, named_struct('nested', named_struct('v', 1.5)).nested.v AS v
