USE sales
